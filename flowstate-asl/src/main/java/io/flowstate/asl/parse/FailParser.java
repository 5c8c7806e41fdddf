package io.flowstate.asl.parse;

import io.flowstate.asl.model.FailState;
import io.flowstate.asl.model.State;
import java.util.Optional;

/** {@code Fail}: Error or ErrorPath, Cause or CausePath (the paths also accept intrinsic functions). */
final class FailParser {
    private FailParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        return Optional.of(new FailState(in.common(),
                Sources.text(r, "Error", "ErrorPath", in.language(), true),
                Sources.text(r, "Cause", "CausePath", in.language(), true)));
    }
}
