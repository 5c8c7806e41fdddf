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
 * {@code MaxItems} resolved); the result is then the items read. {@code executionRoleArn} is the role the
 * execution runs as (its state machine's {@code roleArn}), which limits what its Task states may call.
 * {@code trace} is the trace context of the call's span when the execution is traced, for the handler to pass
 * on to what it calls.
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
        Optional<JsonNode> readerConfig,
        Optional<String> executionRoleArn,
        Optional<TraceContext> trace) {
    public TaskInvocation {
        requireNonNull(executionRoleArn, "executionRoleArn is null");
        requireNonNull(trace, "trace is null");
        requireNonNull(readerConfig, "readerConfig is null");
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(input, "input is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(stateName, "stateName is null");
        requireNonNull(taskToken, "taskToken is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
    }

    /** A call not yet placed in its execution's role or trace. */
    public TaskInvocation(String resource, JsonNode input, String executionArn, String stateName, int attempt,
            Optional<String> taskToken, Optional<Long> timeoutSeconds, Optional<String> roleArn,
            Optional<JsonNode> readerConfig) {
        this(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds, roleArn, readerConfig,
                Optional.empty(), Optional.empty());
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
                Optional.empty(), readerConfig, executionRoleArn, trace);
    }

    /** The same call made by an execution running as {@code roleArn} (none when blank). */
    public TaskInvocation withExecutionRole(String roleArn) {
        return new TaskInvocation(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds,
                this.roleArn, readerConfig, roleArn.isBlank() ? Optional.empty() : Optional.of(roleArn), trace);
    }

    /** The same call inside the trace {@code context}. */
    public TaskInvocation withTrace(Optional<TraceContext> context) {
        return new TaskInvocation(resource, input, executionArn, stateName, attempt, taskToken, timeoutSeconds,
                roleArn, readerConfig, executionRoleArn, context);
    }

    /** The same call with other parameters (a Lambda invoke's payload), role and trace kept. */
    public TaskInvocation withInput(JsonNode other) {
        return new TaskInvocation(resource, other, executionArn, stateName, attempt, taskToken, timeoutSeconds,
                roleArn, readerConfig, executionRoleArn, trace);
    }
}
