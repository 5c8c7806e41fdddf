package io.flowstate.asl.jsonata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.ExpressionSyntaxException;
import io.flowstate.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSONata-mode field value, compiled: JSON in which every string written {@code {% ... %}} is a JSONata
 * expression (Arguments, Output, Assign, ItemSelector, Items, Condition, and the numbers and strings that
 * may be expressions). Literal parts are kept as they are and shared, not copied.
 *
 * <p>Evaluation fails with {@code States.QueryEvaluationError} naming the field as AWS does
 * ({@code Output/a/b[0]}) when an expression fails, yields nothing (undefined) or yields a function.
 */
public sealed interface JsonataTemplate {
    /** The error name of every JSONata evaluation failure. */
    String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    /** The field value as written in the definition. */
    JsonNode source();

    /** A value without expressions. */
    record Literal(JsonNode source) implements JsonataTemplate {
        public Literal {
            requireNonNull(source, "source is null");
        }
    }

    /** A {@code {% ... %}} string. */
    record Expression(JsonNode source, JsonataExpression expression) implements JsonataTemplate {
        public Expression {
            requireNonNull(source, "source is null");
            requireNonNull(expression, "expression is null");
        }
    }

    /** An object with at least one expression inside. */
    record ObjectTemplate(JsonNode source, Map<String, JsonataTemplate> fields) implements JsonataTemplate {
        public ObjectTemplate {
            requireNonNull(source, "source is null");
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** An array with at least one expression inside. */
    record ArrayTemplate(JsonNode source, List<JsonataTemplate> items) implements JsonataTemplate {
        public ArrayTemplate {
            requireNonNull(source, "source is null");
            items = List.copyOf(items);
        }
    }

    /**
     * Visits every expression with its location inside the field ({@code ""}, {@code /a/b[0]}), in document
     * order.
     */
    default void forEachExpression(java.util.function.BiConsumer<String, JsonataExpression> visitor) {
        visit(this, "", visitor);
    }

    private static void visit(JsonataTemplate t, String at,
            java.util.function.BiConsumer<String, JsonataExpression> visitor) {
        switch (t) {
            case Literal l -> { }
            case Expression e -> visitor.accept(at, e.expression());
            case ObjectTemplate o -> o.fields().forEach((k, v) -> visit(v, at + "/" + k, visitor));
            case ArrayTemplate a -> {
                for (int i = 0; i < a.items().size(); i++) {
                    visit(a.items().get(i), at + "[" + i + "]", visitor);
                }
            }
        }
    }

    /** True when {@code s} is written {@code {% ... %}} (exactly: no blanks outside the delimiters). */
    static boolean isExpression(String s) {
        return s.length() >= 4 && s.startsWith("{%") && s.endsWith("%}");
    }

    /**
     * Compiles a field value.
     *
     * @throws TemplateSyntaxException naming the relative location ({@code /a/b[0]}) of the first expression
     *     that does not compile
     */
    static JsonataTemplate compile(JsonNode source) {
        return compile(source, "");
    }

    private static JsonataTemplate compile(JsonNode source, String at) {
        if (source.isTextual() && isExpression(source.textValue())) {
            String text = source.textValue();
            String inner = text.substring(2, text.length() - 2).strip();
            try {
                return new Expression(source, JsonataExpression.compile(inner));
            } catch (ExpressionSyntaxException e) {
                throw new TemplateSyntaxException(at, inner, e.getMessage());
            }
        }
        if (source.isObject()) {
            Map<String, JsonataTemplate> fields = new java.util.LinkedHashMap<>();
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                JsonataTemplate t = compile(e.getValue(), at + "/" + e.getKey());
                dynamic |= !(t instanceof Literal);
                fields.put(e.getKey(), t);
            }
            return dynamic ? new ObjectTemplate(source, fields) : new Literal(source);
        }
        if (source.isArray()) {
            List<JsonataTemplate> items = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < source.size(); i++) {
                JsonataTemplate t = compile(source.get(i), at + "[" + i + "]");
                dynamic |= !(t instanceof Literal);
                items.add(t);
            }
            return dynamic ? new ArrayTemplate(source, items) : new Literal(source);
        }
        return new Literal(source);
    }

    /**
     * The value of this template; {@code field} names it in error causes and in the {@code EvaluationFailed}
     * event ({@code Output}, {@code Assign/x}).
     *
     * @throws EvaluationException {@code States.QueryEvaluationError} with AWS's cause
     */
    default JsonNode evaluate(JsonataBindings b, String field) {
        return switch (this) {
            case Literal l -> l.source();
            case Expression e -> {
                try {
                    Optional<JsonNode> v = e.expression().evaluate(b);
                    if (v.isEmpty()) {
                        throw failure(e, field, "returned nothing (undefined).");
                    }
                    yield v.get();
                } catch (JsonataFailure f) {
                    throw failure(e, field, switch (f.kind()) {
                        case UNSUPPORTED_RESULT -> "returned an unsupported result type.";
                        case ERROR -> "threw an error during evaluation: " + f.getMessage();
                    });
                }
            }
            case ObjectTemplate o -> {
                ObjectNode out = Json.object();
                o.fields().forEach((k, t) -> out.set(k, t.evaluate(b, field + "/" + k)));
                yield out;
            }
            case ArrayTemplate a -> {
                ArrayNode out = JsonNodeFactory.instance.arrayNode(a.items().size());
                for (int i = 0; i < a.items().size(); i++) {
                    out.add(a.items().get(i).evaluate(b, field + "[" + i + "]"));
                }
                yield out;
            }
        };
    }

    private static EvaluationException failure(Expression e, String field, String what) {
        return new EvaluationException(QUERY_EVALUATION_ERROR, "The JSONata expression '" + e.expression().text()
                + "' specified for the field '" + field + "' " + what, Optional.of(field));
    }

    /** A {@code {% %}} expression that does not compile, with its location inside the field. */
    final class TemplateSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String at;
        private final String expression;

        TemplateSyntaxException(String at, String expression, String message) {
            super(message, null, false, false);
            this.at = at;
            this.expression = expression;
        }

        /** Where inside the field: {@code ""} for the field itself, else {@code /key[0]/...}. */
        public String at() {
            return at;
        }

        /** The expression text. */
        public String expression() {
            return expression;
        }
    }
}
