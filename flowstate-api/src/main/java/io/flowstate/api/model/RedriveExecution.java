package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** RedriveExecution: Restarts a failed execution from the state that failed. */
public final class RedriveExecution {
    private RedriveExecution() {}

    /** RedriveExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            @Constraint(minLength = 1, maxLength = 64) Optional<String> clientToken) implements ApiRequest {}

    /** RedriveExecution's response members. */
    public record Response(
            Instant redriveDate) implements ApiResponse {}
}
