package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.model.ChoiceRule;
import io.flowstate.asl.model.ComparisonOperator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates JSONPath-mode Choice rules as AWS does: a comparison whose variable is missing or of another type
 * is false (not an error), except that a missing {@code Variable} path is an error for all operators but
 * {@code IsPresent}.
 */
final class ChoiceEvaluator {
    private ChoiceEvaluator() {}

    static boolean evaluate(ChoiceRule rule, EvalContext ctx) {
        return switch (rule) {
            case ChoiceRule.And a -> a.rules().stream().allMatch(r -> evaluate(r, ctx));
            case ChoiceRule.Or o -> o.rules().stream().anyMatch(r -> evaluate(r, ctx));
            case ChoiceRule.Not n -> !evaluate(n.rule(), ctx);
            case ChoiceRule.Comparison c -> compare(c, ctx);
            case ChoiceRule.Condition c -> throw new IllegalStateException("a JSONata Condition in a JSONPath Choice");
        };
    }

    private static boolean compare(ChoiceRule.Comparison c, EvalContext ctx) {
        ComparisonOperator op = c.operator();
        Optional<JsonNode> found = c.variable().find(ctx);
        if (op == ComparisonOperator.IS_PRESENT) {
            return found.isPresent() == c.value().asBoolean();
        }
        if (found.isEmpty()) {
            throw new EvaluationException("States.Runtime", "Invalid path '" + c.variable().text()
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode v = found.get();
        JsonNode operand = c.value();
        if (op.isPath()) {
            operand = c.valuePath().orElseThrow().read(ctx);
        }
        return switch (op.kind()) {
            case TYPE_TEST -> typeTest(op, v) == operand.asBoolean();
            case STRING -> v.isTextual() && operand.isTextual() && stringTest(op, v.textValue(), operand.textValue());
            case NUMERIC -> v.isNumber() && operand.isNumber() && test(op, compareNumbers(v, operand));
            case BOOLEAN -> v.isBoolean() && operand.isBoolean() && v.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> {
                Optional<OffsetDateTime> a = timestamp(v);
                Optional<OffsetDateTime> b = timestamp(operand);
                yield a.isPresent() && b.isPresent() && test(op, a.get().toInstant().compareTo(b.get().toInstant()));
            }
        };
    }

    /** Exact comparison; whole numbers that fit a long skip the BigDecimal conversion (the common case). */
    private static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.canConvertToExactIntegral() && b.canConvertToExactIntegral() && a.canConvertToLong() && b.canConvertToLong()
                && a.isIntegralNumber() && b.isIntegralNumber()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }

    private static boolean typeTest(ComparisonOperator op, JsonNode v) {
        return switch (op) {
            case IS_NULL -> v.isNull();
            case IS_NUMERIC -> v.isNumber();
            case IS_STRING -> v.isTextual();
            case IS_BOOLEAN -> v.isBoolean();
            case IS_TIMESTAMP -> timestamp(v).isPresent();
            default -> throw new IllegalStateException("not a type test: " + op);
        };
    }

    private static boolean stringTest(ComparisonOperator op, String v, String operand) {
        if (op.test() == ComparisonOperator.Test.MATCHES) {
            return matches(v, operand);
        }
        return test(op, v.compareTo(operand));
    }

    private static boolean test(ComparisonOperator op, int cmp) {
        return switch (op.test()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LTE -> cmp <= 0;
            case GTE -> cmp >= 0;
            case MATCHES -> throw new IllegalStateException("MATCHES is for strings");
        };
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    static boolean matches(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (ch == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /**
     * An RFC 3339 timestamp (with offset or Z). The Choice page requires "an uppercase T" between date and time and
     * "an uppercase Z" for no offset; Java's ISO parser would take lower case too, so those are refused first.
     */
    static Optional<OffsetDateTime> timestamp(JsonNode v) {
        if (!v.isTextual() || v.textValue().indexOf('t') >= 0 || v.textValue().indexOf('z') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.textValue()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
