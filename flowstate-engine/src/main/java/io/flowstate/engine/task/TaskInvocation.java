package io.flowstate.engine.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One call of a Task state's resource: the resource ARN as written, the effective parameters (after
 * InputPath and Parameters), and where it comes from. {@code attempt} counts from 0 (retries add one).
 * {@code roleArn} is the role of the Task's {@code Credentials}, when it names one: the call is made with that
 * role's credentials. {@code readerConfig} is present when the call reads a Distributed Map's items (its
 * {@code ItemReader}: the resource and parameters are the reader's, this its {@code ReaderConfig} with
 * {@code MaxItems} resolved); the result is then the items read.
 */
public record TaskInvocation(
        String resource,
        JsonNode input,
        String executionArn,
        String stateName,
        int attempt,
        Optional<String> taskToken,
        Optional<Long> timeoutSeconds,
        Optional<String> roleArn,
        Optional<JsonNode> readerConfig) {
    public TaskInvocation {
        requireNonNull(readerConfig, "readerConfig is null");
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
        this(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds, Optional.empty(),
                Optional.empty());
    }

    /** A Task's call under the role of its {@code Credentials}. */
    public TaskInvocation(String resource, JsonNode input, String executionArn, String stateName, int attempt,
            Optional<String> taskToken, Optional<Long> timeoutSeconds, Optional<String> roleArn) {
        this(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds, roleArn, Optional.empty());
    }

    /** The same call without the task credentials (once they have been applied). */
    public TaskInvocation withoutRole() {
        return new TaskInvocation(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds,
                Optional.empty(), readerConfig);
    }
}
