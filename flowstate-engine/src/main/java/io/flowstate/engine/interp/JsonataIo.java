package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.jsonata.JsonataTemplate;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSONata-mode input and output processing: the bindings a state's expressions see, {@code Arguments},
 * {@code Output} (default: the result for Task, Parallel and Map, the input for the others) and {@code Assign}
 * (every expression sees the variables as of state entry; the caller applies the values afterwards).
 */
final class JsonataIo {
    private JsonataIo() {}

    /** {@code $states.input} bound to the state's input, {@code $states.context} to the context object. */
    static JsonataBindings bindings(Run r, Fiber f, JsonNode input) {
        return new JsonataBindings(input, Optional.empty(), Optional.empty(), new Lazy<>(() -> r.contextObject(f)),
                f.scope, r.exec.random, r.now);
    }

    /** A template field ({@code Arguments}, {@code ItemSelector}) named {@code field} in errors. */
    static JsonNode template(Template t, JsonataBindings b, String field) {
        return t.jsonata().orElseThrow(() -> new IllegalStateException("not a JSONata template"))
                .evaluate(b, field);
    }

    /** {@code Output} when present, else {@code fallback}. */
    static JsonNode output(Optional<JsonataTemplate> output, JsonataBindings b, String field, JsonNode fallback) {
        return output.isPresent() ? output.get().evaluate(b, field) : fallback;
    }

    /** The state's own {@code Output}, else {@code fallback}. */
    static JsonNode output(State s, JsonataBindings b, JsonNode fallback) {
        return output(s.common().output(), b, "Output", fallback);
    }

    /** Evaluates an {@code Assign} block without applying it; {@code field} is {@code Assign} or the rule's. */
    static Map<String, JsonNode> assign(Optional<Template> assign, JsonataBindings b, String field) {
        if (assign.isEmpty()) {
            return Map.of();
        }
        JsonNode values = template(assign.get(), b, field);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        values.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A whole number from an expression (TimeoutSeconds, Seconds, MaxConcurrency, ToleratedFailureCount). */
    static long integer(JsonataTemplate t, JsonataBindings b, String field) {
        JsonNode v = t.evaluate(b, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                return (long) v.doubleValue();
            }
            throw unexpected(t, field, "integer", v);
        }
        return v.longValue();
    }

    /** A number from an expression (ToleratedFailurePercentage). */
    static double number(JsonataTemplate t, JsonataBindings b, String field) {
        JsonNode v = t.evaluate(b, field);
        if (!v.isNumber()) {
            throw unexpected(t, field, "number", v);
        }
        return v.doubleValue();
    }

    /** A string from an expression (Fail Error and Cause, Wait Timestamp). */
    static String text(JsonataTemplate t, JsonataBindings b, String field) {
        JsonNode v = t.evaluate(b, field);
        if (!v.isTextual()) {
            throw unexpected(t, field, "string", v);
        }
        return v.textValue();
    }

    /** A Boolean from an expression (Choice Condition). */
    static boolean bool(JsonataTemplate t, JsonataBindings b, String field) {
        JsonNode v = t.evaluate(b, field);
        if (!v.isBoolean()) {
            throw unexpected(t, field, "boolean", v);
        }
        return v.booleanValue();
    }

    /** AWS's wording for an expression whose value has the wrong type. */
    static EvaluationException unexpected(JsonataTemplate t, String field, String expected, JsonNode value) {
        String text = t instanceof JsonataTemplate.Expression e ? e.expression().text() : Json.write(t.source());
        return new EvaluationException(ErrorNames.QUERY_EVALUATION_ERROR, "The JSONata expression '" + text
                + "' specified for the field '" + field + "' returned an unexpected result type. Expected '"
                + expected + "', but was '" + typeName(value) + "' for value: " + Json.write(value),
                Optional.of(field));
    }

    private static String typeName(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }
}
