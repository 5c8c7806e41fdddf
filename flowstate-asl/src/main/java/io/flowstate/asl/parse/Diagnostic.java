package io.flowstate.asl.parse;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One problem found in a state machine definition, shaped like an AWS
 * {@code ValidateStateMachineDefinitionDiagnostic}: an AWS code such as {@code SCHEMA_VALIDATION_FAILED}, AWS's
 * message text, and where it is ({@code /States/X/Field}; {@code /} for the top level). The location is empty
 * where AWS gives none (a machine without a terminal state, a definition that is not a JSON object).
 */
public record Diagnostic(Severity severity, String code, String message, Optional<String> location) {
    public Diagnostic {
        requireNonNull(severity, "severity is null");
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
        requireNonNull(location, "location is null");
    }

    /** An ERROR at {@code location}. */
    public static Diagnostic error(String code, String message, String location) {
        return new Diagnostic(Severity.ERROR, code, message, Optional.of(location));
    }

    /** An ERROR without a location. */
    public static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, Optional.empty());
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
