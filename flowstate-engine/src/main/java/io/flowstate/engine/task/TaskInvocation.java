package io.flowstate.engine.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One call of a Task state's resource: the resource ARN as written, the effective parameters (after
 * InputPath and Parameters), and where it comes from. {@code attempt} counts from 0 (retries add one).
 * {@code roleArn} is the role of the Task's {@code Credentials}, when it names one: the call is made with that
 * role's credentials.
 */
public record TaskInvocation(
        String resource,
        JsonNode input,
        String executionArn,
        String stateName,
        int attempt,
        Optional<String> taskToken,
        Optional<Long> timeoutSeconds,
        Optional<String> roleArn) {
    public TaskInvocation {
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(input, "input is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(stateName, "stateName is null");
        requireNonNull(taskToken, "taskToken is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
    }

    /** An invocation under the execution's own role. */
    public TaskInvocation(String resource, JsonNode input, String executionArn, String stateName, int attempt,
            Optional<String> taskToken, Optional<Long> timeoutSeconds) {
        this(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds, Optional.empty());
    }

    /** The same call without the task credentials (once they have been applied). */
    public TaskInvocation withoutRole() {
        return new TaskInvocation(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds);
    }
}
