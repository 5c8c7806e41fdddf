package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

/** Work handed to an activity worker by GetActivityTask: the task token and the input as JSON text. */
public record ActivityTask(String taskToken, String input) {
    public ActivityTask {
        requireNonNull(taskToken, "taskToken is null");
        requireNonNull(input, "input is null");
    }
}
