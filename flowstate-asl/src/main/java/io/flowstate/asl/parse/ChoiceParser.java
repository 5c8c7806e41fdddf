package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.Choice;
import io.flowstate.asl.model.ChoiceRule;
import io.flowstate.asl.model.ChoiceState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Choice}: a non-empty {@code Choices} list, each with a rule and a {@code Next}, and an optional
 * {@code Default}. JSONata choices use {@code Condition} (and may have {@code Output}); JSONPath ones use
 * comparison rules.
 */
final class ChoiceParser {
    private static final Set<String> JSONATA_CHOICE = Set.of("Condition", "Next", "Assign", "Output", "Comment");
    private static final Set<String> JSONPATH_CHOICE =
            FieldSets.union(ChoiceRuleParser.ruleFields(), Set.of("Next", "Assign"));

    private ChoiceParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        r.require("Choices");
        Optional<String> defaultState = r.string("Default");
        Optional<ArrayNode> arr = r.array("Choices");
        if (arr.isEmpty()) {
            return Optional.empty();
        }
        if (arr.get().isEmpty()) {
            in.out().schema(Messages.valueCannotBeEmpty(), r.at("Choices"));
            return Optional.empty();
        }
        List<Choice> choices = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < arr.get().size(); i++) {
            JsonNode n = arr.get().get(i);
            String loc = Diagnostics.index(r.at("Choices"), i);
            if (!n.isObject()) {
                in.out().schema(Messages.wrongType("Choices", "an ARRAY of OBJECT"), loc);
                ok = false;
                continue;
            }
            Optional<Choice> c = choice(new FieldReader((ObjectNode) n, loc, in.out()), in);
            c.ifPresent(choices::add);
            ok &= c.isPresent();
        }
        return ok ? Optional.of(new ChoiceState(in.common(), in.io(), choices, defaultState)) : Optional.empty();
    }

    private static Optional<Choice> choice(FieldReader r, StateInput in) {
        r.require("Next");
        Set<String> allowed = in.jsonata() ? JSONATA_CHOICE : JSONPATH_CHOICE;
        for (String f : r.unknown(allowed)) {
            if (!in.jsonata() && (f.equals("Condition") || f.equals("Output"))) {
                in.out().schema(Messages.fieldOnlyFor("JSONPath", f, "JSONata"), r.location());
            } else {
                in.out().schema(Messages.notSupported(f), r.location());
            }
        }
        Optional<String> next = r.string("Next");
        Optional<Template> assign = StateParser.assign(r, in.language());
        Optional<ChoiceRule> rule;
        Optional<io.flowstate.asl.jsonata.JsonataTemplate> output = Optional.empty();
        if (in.jsonata()) {
            r.string("Comment");
            output = StateParser.output(r);
            rule = condition(r);
        } else {
            rule = ChoiceRuleParser.parse(r);
        }
        if (rule.isEmpty() || next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(rule.get(), next.get(), assign, output));
    }

    /** A JSONata {@code Condition}: a {@code {% %}} expression or a literal boolean. */
    private static Optional<ChoiceRule> condition(FieldReader r) {
        if (!r.require("Condition")) {
            return Optional.empty();
        }
        JsonNode c = r.node().get("Condition");
        if (!c.isBoolean() && !JsonataText.is(c)) {
            r.out().schema(Messages.wrongType("Condition", "a BOOLEAN or a JSONata expression"), r.at("Condition"));
            return Optional.empty();
        }
        return Expressions.jsonata(c, r.at("Condition"), r.out()).map(ChoiceRule.Condition::new);
    }
}
