package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.model.Choice;
import io.flowstate.asl.model.ChoiceState;
import io.flowstate.asl.model.Transition;
import java.util.HashMap;
import java.util.Map;

/** Choice: the first matching rule's Next, else Default, else {@code States.NoChoiceMatched}. */
final class ChoiceStep {
    private ChoiceStep() {}

    static void enter(Run r, Fiber f, ChoiceState s) {
        JsonNode effective = Io.inputPath(r, f, s.io(), f.input);
        EvalContext ctx = r.context(f, effective);
        for (Choice choice : s.choices()) {
            if (ChoiceEvaluator.evaluate(choice.rule(), ctx)) {
                Map<String, JsonNode> assigned = new HashMap<>(r.assign(f, s.common().assign(), effective));
                assigned.putAll(r.assign(f, choice.assign(), effective));
                JsonNode output = Io.outputPath(r, f, s.io(), effective);
                r.exit(f, s, output, assigned, new Transition.Next(choice.next()));
                return;
            }
        }
        if (s.defaultState().isPresent()) {
            Map<String, JsonNode> assigned = r.assign(f, s.common().assign(), effective);
            JsonNode output = Io.outputPath(r, f, s.io(), effective);
            r.exit(f, s, output, assigned, new Transition.Next(s.defaultState().get()));
            return;
        }
        r.failFiber(f, r.stateError(f, ErrorNames.NO_CHOICE_MATCHED,
                "Failed to transition out of the state. The state does not point to a next state."));
    }
}
