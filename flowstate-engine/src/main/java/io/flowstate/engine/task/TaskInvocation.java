package io.flowstate.engine.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One call of a Task state's resource: the resource ARN as written, the effective parameters (after
 * InputPath and Parameters), and where it comes from. {@code attempt} counts from 0 (retries add one).
 */
public record TaskInvocation(
        String resource,
        JsonNode input,
        String executionArn,
        String stateName,
        int attempt,
        Optional<String> taskToken,
        Optional<Long> timeoutSeconds) {
    public TaskInvocation {
        requireNonNull(resource, "resource is null");
        requireNonNull(input, "input is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(stateName, "stateName is null");
        requireNonNull(taskToken, "taskToken is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
    }
}
