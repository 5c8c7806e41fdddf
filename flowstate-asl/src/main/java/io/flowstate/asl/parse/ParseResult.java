package io.flowstate.asl.parse;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.model.StateMachine;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a definition: the machine, present exactly when no diagnostic is an ERROR, and every
 * diagnostic found, in the order AWS reports them (schema problems in document order, then graph problems).
 */
public record ParseResult(Optional<StateMachine> machine, List<Diagnostic> diagnostics) {
    public ParseResult {
        requireNonNull(machine, "machine is null");
        diagnostics = List.copyOf(diagnostics);
        boolean hasErrors = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (machine.isPresent() == hasErrors) {
            throw new IllegalArgumentException("machine must be present exactly when there are no errors");
        }
    }

    /** The ERROR diagnostics only. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** True when the definition is valid (warnings allowed). */
    public boolean isValid() {
        return machine.isPresent();
    }
}
