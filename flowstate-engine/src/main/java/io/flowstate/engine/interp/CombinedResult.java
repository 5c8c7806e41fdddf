package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.IoSpec;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.Transition;
import java.util.Map;

/**
 * How a Parallel or Map state leaves once its children are done: the array of their outputs is the state's
 * result, processed like a Task's (ResultSelector, Assign, ResultPath, OutputPath; or JSONata Assign and
 * Output with {@code $states.result}).
 */
final class CombinedResult {
    private CombinedResult() {}

    /** {@code inspect}: report the intermediate values to TestState's inspection data. */
    static void exit(Run r, Fiber f, State s, IoSpec io, Transition transition, JsonNode results, boolean inspect) {
        try {
            if (Run.jsonata(s)) {
                JsonataBindings b = JsonataIo.bindings(r, f, f.input).withResult(results);
                Map<String, JsonNode> assigned = JsonataIo.assign(s.common().assign(), b, "Assign");
                JsonNode output = JsonataIo.output(s, b, results);
                r.applyAssign(f, assigned);
                r.exit(f, s, output, assigned, transition);
                return;
            }
            JsonNode selected = Io.resultSelector(r, f, io, results);
            if (inspect) {
                TaskStep.inspect(r, f, "afterResultSelector", selected);
            }
            Map<String, JsonNode> assigned = r.assign(f, s.common().assign(), selected);
            JsonNode withResult = Io.resultPath(io, f.input, selected);
            if (inspect) {
                TaskStep.inspect(r, f, "afterResultPath", withResult);
            }
            r.exit(f, s, Io.outputPath(r, f, io, withResult), assigned, transition);
        } catch (EvaluationException e) {
            r.failState(f, s, e);
        }
    }
}
