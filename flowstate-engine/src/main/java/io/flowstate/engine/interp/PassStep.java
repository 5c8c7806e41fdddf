package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.IoSpec;
import io.flowstate.asl.model.PassState;
import java.util.Map;

/**
 * Pass: {@code Result} (or the Parameters output, or the effective input) placed by ResultPath; in JSONata
 * mode its {@code Output} (default: the input).
 */
final class PassStep {
    private PassStep() {}

    static void enter(Run r, Fiber f, PassState s) {
        if (Run.jsonata(s)) {
            JsonataBindings b = JsonataIo.bindings(r, f, f.input);
            Map<String, JsonNode> assigned = JsonataIo.assign(s.common().assign(), b, "Assign");
            JsonNode output = JsonataIo.output(s, b, f.input);
            r.applyAssign(f, assigned);
            r.exit(f, s, output, assigned, s.transition());
            return;
        }
        IoSpec io = s.io();
        JsonNode effective = Io.inputPath(r, f, io, f.input);
        JsonNode result = s.result().isPresent() ? s.result().get() : Io.parameters(r, f, io, effective);
        StepProbe p = r.probe(f);
        if (p != null) {
            if (s.result().isPresent()) {
                p.payload("result", result);
            } else {
                p.payload("afterInputPath", effective);
                p.payload("afterParameters", result);
            }
            p.payload("afterResultSelector", result);
        }
        Map<String, JsonNode> assigned = r.assign(f, s.common().assign(), result);
        JsonNode withResult = Io.resultPath(io, f.input, result);
        if (p != null) {
            p.payload("afterResultPath", withResult);
        }
        JsonNode output = Io.outputPath(r, f, io, withResult);
        r.exit(f, s, output, assigned, s.transition());
    }
}
