package io.flowstate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Short ways to write {@link TaskOutcome}s for {@link TaskBinding#outcomes} and handlers:
 * {@code outcomes(failure("Busy", "try later"), failure("Busy", "try later"), success("{\"ok\":true}"))}.
 */
public final class Outcomes {
    private Outcomes() {}

    /** A success with the JSON {@code json}. */
    public static TaskOutcome success(String json) {
        return new TaskOutcome.Success(JsonText.parse(json, "task result"));
    }

    /** A success with {@code output}. */
    public static TaskOutcome success(JsonNode output) {
        return new TaskOutcome.Success(output);
    }

    /** A failure named {@code error}, with {@code cause} (null: none). */
    public static TaskOutcome failure(String error, String cause) {
        return new TaskOutcome.Failure(error, Optional.ofNullable(cause));
    }

    /** {@code outcome}, after {@code duration} of virtual time. */
    public static TaskOutcome after(Duration duration, TaskOutcome outcome) {
        return new TaskOutcome.Delayed(duration, outcome);
    }
}
