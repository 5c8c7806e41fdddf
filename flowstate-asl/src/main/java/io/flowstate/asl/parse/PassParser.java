package io.flowstate.asl.parse;

import io.flowstate.asl.model.PassState;
import io.flowstate.asl.model.State;
import java.util.Optional;

/** {@code Pass}: its only own field is the JSONPath-mode {@code Result}, any JSON value, kept as written. */
final class PassParser {
    private PassParser() {}

    static Optional<State> parse(StateInput in) {
        return Optional.of(new PassState(in.common(), in.transition(), in.io(),
                in.jsonata() ? Optional.empty() : in.fields().value("Result")));
    }
}
