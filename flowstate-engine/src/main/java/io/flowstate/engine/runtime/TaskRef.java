package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

/** Which task a task token completes: the execution that issued it and the task's id within it. */
public record TaskRef(String executionArn, long taskId) {
    public TaskRef {
        requireNonNull(executionArn, "executionArn is null");
    }
}
