package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task that waits for the test to answer it with its token ({@link TestExecution#sendTaskSuccess},
 * {@link TestExecution#sendTaskFailure}, {@link TestExecution#sendTaskHeartbeat}): a {@code .waitForTaskToken}
 * call that has been submitted, or an activity task no bound handler took.
 *
 * @param stateName the Task state
 * @param resource the state's Resource ARN
 * @param input the effective parameters the task was called with (for a callback, they usually carry
 *     {@code $$.Task.Token} somewhere, as the definition placed it)
 * @param taskToken the token that answers the task ({@code $$.Task.Token})
 * @param kind a callback or an activity
 */
public record PendingTask(String stateName, String resource, JsonNode input, String taskToken, Kind kind) {
    /** What the task waits for. */
    public enum Kind {
        /** A {@code .waitForTaskToken} integration: the service call was made, the answer comes with the token. */
        CALLBACK,
        /** An activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}): a worker's answer. */
        ACTIVITY
    }

    public PendingTask {
        requireNonNull(stateName, "stateName is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(input, "input is null");
        requireNonNull(taskToken, "taskToken is null");
        requireNonNull(kind, "kind is null");
    }
}
