package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Path;
import java.util.List;

/** A Boolean expression of a Choice state: a comparison, {@code And}, {@code Or}, {@code Not}, or a JSONata {@code Condition}. */
public sealed interface ChoiceRule {
    /** {@code Variable} compared with a literal ({@code value}) or, for {@code ...Path} operators, a path ({@code valuePath}). */
    record Comparison(Path variable, ComparisonOperator operator, JsonNode value, java.util.Optional<Path> valuePath)
            implements ChoiceRule {
        public Comparison {
            requireNonNull(variable, "variable is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
            requireNonNull(valuePath, "valuePath is null");
        }
    }

    /** {@code And}: all rules hold. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    /** {@code Or}: at least one rule holds. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    /** {@code Not}. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        public Not {
            requireNonNull(rule, "rule is null");
        }
    }

    /** JSONata {@code Condition}: a {@code {% %}} expression (or a literal boolean), compiled. */
    record Condition(io.flowstate.asl.jsonata.JsonataTemplate expression) implements ChoiceRule {
        public Condition {
            requireNonNull(expression, "expression is null");
        }
    }
}
