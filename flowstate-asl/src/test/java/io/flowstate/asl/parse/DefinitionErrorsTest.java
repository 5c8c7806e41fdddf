package io.flowstate.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionErrorsTest {
    @Test
    void invalidDefinitionMessage_severalErrors_joinsThemAsAwsDoes() {
        String msg = DefinitionErrors.invalidDefinitionMessage(List.of(
                Diagnostic.error("MISSING_TRANSITION_TARGET", "Missing 'Next' target: pass3", "/States/pass1/Next"),
                new Diagnostic(Severity.WARNING, "NO_DOLLAR", "ignored", Optional.empty()),
                Diagnostic.error("MISSING_END_STATE", "Workflow has no terminal state")));
        assertThat(msg).isEqualTo("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next'"
                + " target: pass3 at /States/pass1/Next, MISSING_END_STATE: Workflow has no terminal state at null'");
    }

    @Test
    void parseResult_machineWithErrors_isRefused() {
        assertThat(AslParser.parse("{}").machine()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ParseResult(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
