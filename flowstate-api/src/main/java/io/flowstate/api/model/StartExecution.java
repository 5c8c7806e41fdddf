package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** StartExecution: Starts an execution (Standard: idempotent by name while running with the same input). */
public final class StartExecution {
    private StartExecution() {}

    /** StartExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            @Constraint(minLength = 1, maxLength = 80) Optional<String> name,
            @Constraint(maxLength = 262144, sensitive = true) Optional<String> input,
            @Constraint(maxLength = 256) Optional<String> traceHeader) implements ApiRequest {}

    /** StartExecution's response members. */
    public record Response(
            String executionArn,
            Instant startDate) implements ApiResponse {}
}
