package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.SucceedState;
import io.flowstate.asl.model.Transition;
import java.util.Map;

/** Succeed: ends its machine with the (Input/Output-path filtered) input, or in JSONata mode its Output. */
final class SucceedStep {
    private SucceedStep() {}

    static void enter(Run r, Fiber f, SucceedState s) {
        JsonNode output = Run.jsonata(s)
                ? JsonataIo.output(s, JsonataIo.bindings(r, f, f.input), f.input)
                : Io.outputPath(r, f, s.io(), Io.inputPath(r, f, s.io(), f.input));
        r.exit(f, s, output, Map.of(), Transition.END);
    }
}
