package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.model.Choice;
import io.flowstate.asl.model.ChoiceState;
import io.flowstate.asl.model.Transition;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.ChoiceRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Choice: the first matching rule's Next, else Default, else {@code States.NoChoiceMatched}. */
final class ChoiceStep {
    private ChoiceStep() {}

    static void enter(Run r, Fiber f, ChoiceState s) {
        if (Run.jsonata(s)) {
            enterJsonata(r, f, s);
            return;
        }
        JsonNode effective = Io.inputPath(r, f, s.io(), f.input);
        EvalContext ctx = r.context(f, effective);
        for (Choice choice : s.choices()) {
            if (ChoiceEvaluator.evaluate(choice.rule(), ctx)) {
                // Both Assign blocks see the variables as of state entry; then both apply.
                Map<String, JsonNode> assigned = new LinkedHashMap<>(r.evaluateAssign(f, s.common().assign(), effective));
                assigned.putAll(r.evaluateAssign(f, choice.assign(), effective));
                r.applyAssign(f, assigned);
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
        noChoiceMatched(r, f);
    }

    private static void noChoiceMatched(Run r, Fiber f) {
        r.failFiber(f, r.stateError(f, ErrorNames.NO_CHOICE_MATCHED,
                "Failed to transition out of the state. The state does not point to a next state."));
    }

    /**
     * JSONata: the first rule whose {@code Condition} is true wins; its own Assign and Output apply with the
     * state's (a rule's Output replaces the state's). Rules after the matching one are not evaluated.
     */
    private static void enterJsonata(Run r, Fiber f, ChoiceState s) {
        JsonataBindings b = JsonataIo.bindings(r, f, f.input);
        for (int i = 0; i < s.choices().size(); i++) {
            Choice choice = s.choices().get(i);
            String at = "Choices[" + i + "]";
            ChoiceRule.Condition condition = (ChoiceRule.Condition) choice.rule();
            if (JsonataIo.bool(condition.expression(), b, at + "/Condition")) {
                Map<String, JsonNode> assigned = new LinkedHashMap<>(JsonataIo.assign(s.common().assign(), b, "Assign"));
                assigned.putAll(JsonataIo.assign(choice.assign(), b, at + "/Assign"));
                JsonNode output = choice.output().isPresent()
                        ? JsonataIo.output(choice.output(), b, at + "/Output", f.input)
                        : JsonataIo.output(s, b, f.input);
                r.applyAssign(f, assigned);
                r.exit(f, s, output, assigned, new Transition.Next(choice.next()));
                return;
            }
        }
        if (s.defaultState().isPresent()) {
            Map<String, JsonNode> assigned = JsonataIo.assign(s.common().assign(), b, "Assign");
            JsonNode output = JsonataIo.output(s, b, f.input);
            r.applyAssign(f, assigned);
            r.exit(f, s, output, assigned, new Transition.Next(s.defaultState().get()));
            return;
        }
        noChoiceMatched(r, f);
    }
}
