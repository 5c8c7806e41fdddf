package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** Work a decision asks the shell to do; data, so it can be stored with the decision and survive a restart. */
public sealed interface Effect {
    /** Call a task resource; its result comes back as {@link Trigger.TaskSucceeded} or {@link Trigger.TaskFailed}. */
    record InvokeTask(long taskId, String resource, JsonNode input, String stateName, int attempt,
            Optional<String> taskToken, Optional<Long> timeoutSeconds, Optional<String> roleArn,
            Optional<JsonNode> readerConfig) implements Effect {
        public InvokeTask {
            requireNonNull(readerConfig, "readerConfig is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(input, "input is null");
            requireNonNull(stateName, "stateName is null");
            requireNonNull(taskToken, "taskToken is null");
            requireNonNull(timeoutSeconds, "timeoutSeconds is null");
            requireNonNull(roleArn, "roleArn is null");
        }

        /** An invocation under the execution's own role. */
        public InvokeTask(long taskId, String resource, JsonNode input, String stateName, int attempt,
                Optional<String> taskToken, Optional<Long> timeoutSeconds) {
            this(taskId, resource, input, stateName, attempt, taskToken, timeoutSeconds, Optional.empty(), Optional.empty());
        }

        /** A Task's invocation, under the role of its {@code Credentials} when it names one. */
        public InvokeTask(long taskId, String resource, JsonNode input, String stateName, int attempt,
                Optional<String> taskToken, Optional<Long> timeoutSeconds, Optional<String> roleArn) {
            this(taskId, resource, input, stateName, attempt, taskToken, timeoutSeconds, roleArn, Optional.empty());
        }

        /** The handler's view of this invocation in execution {@code executionArn}. */
        public io.flowstate.engine.task.TaskInvocation invocation(String executionArn) {
            return new io.flowstate.engine.task.TaskInvocation(resource, input, executionArn, stateName, attempt,
                    taskToken, timeoutSeconds, roleArn, readerConfig);
        }

        /** The handler's view of this invocation in the execution {@code info} names, under its role. */
        public io.flowstate.engine.task.TaskInvocation invocation(ExecutionInfo info) {
            return invocation(info.executionArn()).withExecutionRole(info.roleArn());
        }
    }

    /** Fire {@link Trigger.TimerFired} at {@code dueAt} (Wait states, retry backoff, timeouts). */
    record StartTimer(long timerId, Instant dueAt) implements Effect {
        public StartTimer {
            requireNonNull(dueAt, "dueAt is null");
        }
    }

    /** The execution ended. */
    record Complete(ExecutionStatus status, Optional<JsonNode> output, Optional<String> error,
            Optional<String> cause) implements Effect {
        public Complete {
            requireNonNull(status, "status is null");
            requireNonNull(output, "output is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }
}
