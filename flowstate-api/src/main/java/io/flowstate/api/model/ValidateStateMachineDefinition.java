package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** ValidateStateMachineDefinition: Validates a definition without creating anything. */
public final class ValidateStateMachineDefinition {
    private ValidateStateMachineDefinition() {}

    /** ValidateStateMachineDefinition's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 1048576, sensitive = true) String definition,
            Optional<StateMachineType> type,
            Optional<ValidationSeverity> severity,
            @Constraint(min = 0, max = 100) Optional<Integer> maxResults) implements ApiRequest {}

    /** ValidateStateMachineDefinition's response members. */
    public record Response(
            String result,
            List<ValidationDiagnostic> diagnostics,
            boolean truncated) implements ApiResponse {}
}
