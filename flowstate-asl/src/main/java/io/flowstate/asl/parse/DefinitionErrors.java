package io.flowstate.asl.parse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * AWS's {@code InvalidDefinition} message for a rejected definition (CreateStateMachine, UpdateStateMachine,
 * TestState): {@code Invalid State Machine Definition: 'CODE: message at location, CODE: message at location'}.
 * Only errors count; a diagnostic without a location reads {@code at null}, as AWS writes it.
 */
public final class DefinitionErrors {
    private DefinitionErrors() {}

    /** The message for {@code errors} (warnings among them are ignored). */
    public static String invalidDefinitionMessage(List<Diagnostic> errors) {
        return errors.stream()
                .filter(Diagnostic::isError)
                .map(d -> d.code() + ": " + d.message() + " at " + d.location().orElse("null"))
                .collect(Collectors.joining(", ", "Invalid State Machine Definition: '", "'"));
    }
}
