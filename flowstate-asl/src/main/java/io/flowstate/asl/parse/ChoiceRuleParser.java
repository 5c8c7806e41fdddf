package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.model.ChoiceRule;
import io.flowstate.asl.model.ComparisonOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSONPath Choice rule: exactly one of a comparison ({@code Variable} and one operator), {@code And}, {@code Or}
 * or {@code Not}. Operands must have the operator's type; {@code ...Path} operands must be paths.
 */
final class ChoiceRuleParser {
    private static final Set<String> RULE_FIELDS;

    static {
        Set<String> s = new HashSet<>(Set.of("Variable", "And", "Or", "Not", "Comment"));
        for (ComparisonOperator op : ComparisonOperator.values()) {
            s.add(op.aslName());
        }
        RULE_FIELDS = Set.copyOf(s);
    }

    /**
     * Deeper rules are rejected instead of recursed into, so a hostile definition cannot exhaust the stack. No
     * AWS definition comes close: rules this deep are machine-generated mistakes.
     */
    static final int MAX_DEPTH = 100;

    private ChoiceRuleParser() {}

    /** The fields a JSONPath rule may have besides those of a top-level choice (Next, Assign). */
    static Set<String> ruleFields() {
        return RULE_FIELDS;
    }

    /** Parses the rule in {@code r}; unknown fields are checked by the caller for top-level rules. */
    static Optional<ChoiceRule> parse(FieldReader r) {
        return parse(r, 0);
    }

    private static Optional<ChoiceRule> parse(FieldReader r, int depth) {
        if (depth > MAX_DEPTH) {
            r.out().error(Codes.TOO_DEEPLY_NESTED, Messages.rulesTooDeeplyNested(MAX_DEPTH), r.location());
            return Optional.empty();
        }
        List<String> kinds = new ArrayList<>();
        for (String f : List.of("And", "Or", "Not")) {
            if (r.has(f)) {
                kinds.add(f);
            }
        }
        Optional<ComparisonOperator> op = Optional.empty();
        for (ComparisonOperator o : ComparisonOperator.values()) {
            if (r.has(o.aslName())) {
                kinds.add(o.aslName());
                op = Optional.of(o);
            }
        }
        r.string("Comment");
        if (kinds.size() != 1) {
            r.out().schema(Messages.noComparison(), r.location());
            return Optional.empty();
        }
        return switch (kinds.get(0)) {
            case "And" -> list(r, "And", depth).map(ChoiceRule.And::new);
            case "Or" -> list(r, "Or", depth).map(ChoiceRule.Or::new);
            case "Not" -> r.object("Not").flatMap(n -> nested(n, r.at("Not"), r.out(), depth + 1))
                    .map(ChoiceRule.Not::new);
            default -> comparison(r, op.orElseThrow());
        };
    }

    private static Optional<ChoiceRule> nested(ObjectNode node, String location, Diagnostics out, int depth) {
        FieldReader r = new FieldReader(node, location, out);
        r.rejectUnknown(RULE_FIELDS);
        return parse(r, depth);
    }

    private static Optional<List<ChoiceRule>> list(FieldReader r, String field, int depth) {
        Optional<ArrayNode> arr = r.array(field);
        if (arr.isEmpty()) {
            return Optional.empty();
        }
        if (arr.get().isEmpty()) {
            r.out().schema(Messages.valueCannotBeEmpty(), r.at(field));
            return Optional.empty();
        }
        List<ChoiceRule> rules = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < arr.get().size(); i++) {
            JsonNode n = arr.get().get(i);
            String loc = Diagnostics.index(r.at(field), i);
            if (!n.isObject()) {
                r.out().schema(Messages.wrongType(field, "an ARRAY of OBJECT"), loc);
                ok = false;
                continue;
            }
            Optional<ChoiceRule> rule = nested((ObjectNode) n, loc, r.out(), depth + 1);
            rule.ifPresent(rules::add);
            ok &= rule.isPresent();
        }
        return ok ? Optional.of(rules) : Optional.empty();
    }

    private static Optional<ChoiceRule> comparison(FieldReader r, ComparisonOperator op) {
        boolean hasVariable = r.require("Variable");
        Optional<Path> variable = r.string("Variable")
                .flatMap(v -> Expressions.path(v, "Variable", r.at("Variable"), r.out()));
        String field = op.aslName();
        JsonNode value = r.node().get(field);
        Optional<Path> valuePath = Optional.empty();
        boolean ok;
        if (op.isPath()) {
            ok = value.isTextual();
            if (!ok) {
                r.out().schema(Messages.wrongType(field, "a STRING"), r.at(field));
            } else {
                valuePath = Expressions.path(value.textValue(), field, r.at(field), r.out());
                ok = valuePath.isPresent();
            }
        } else {
            String expected = switch (op.kind()) {
                case STRING, TIMESTAMP -> value.isTextual() ? null : "a STRING";
                case NUMERIC -> value.isNumber() ? null : "a NUMBER";
                case BOOLEAN, TYPE_TEST -> value.isBoolean() ? null : "a BOOLEAN";
            };
            ok = expected == null;
            if (!ok) {
                r.out().schema(Messages.wrongType(field, expected), r.at(field));
            }
        }
        if (!ok || !hasVariable || variable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChoiceRule.Comparison(variable.get(), op, value, valuePath));
    }
}
