package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.Optional;

/** GetActivityTask: Long-polls (60 s) for a task scheduled on an activity. */
public final class GetActivityTask {
    private GetActivityTask() {}

    /** GetActivityTask's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String activityArn,
            @Constraint(minLength = 1, maxLength = 80) Optional<String> workerName) implements ApiRequest {}

    /** GetActivityTask's response members. */
    public record Response(
            Optional<String> taskToken,
            Optional<String> input) implements ApiResponse {}
}
