package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** StopExecution: Stops a running execution (ABORTED). */
public final class StopExecution {
    private StopExecution() {}

    /** StopExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> error,
            @Constraint(maxLength = 32768, sensitive = true) Optional<String> cause) implements ApiRequest {}

    /** StopExecution's response members. */
    public record Response(
            Instant stopDate) implements ApiResponse {}
}
