package io.flowstate.asl.jsonata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Variables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a JSONata expression of one state sees: {@code $states.input} (the state's input),
 * {@code $states.result} (Task, Parallel and Map, once they have one), {@code $states.errorOutput} (in a
 * Catch), {@code $states.context} (the context object), the workflow variables as {@code $name}, the
 * execution's seeded random source ({@code $random()}, {@code $uuid()}) and the decision's clock reading
 * ({@code $now()}, {@code $millis()}), so that evaluation stays a pure function of its inputs.
 *
 * <p>One instance serves every expression of one phase of a state (its Assign and Output see the same
 * values); the {@code $states} value is converted once, on first use.
 */
public final class JsonataBindings {
    private final JsonNode input;
    private final Optional<JsonNode> result;
    private final Optional<JsonNode> errorOutput;
    private final java.util.function.Supplier<JsonNode> context;
    private final Variables variables;
    private final RandomGenerator random;
    private final Instant now;
    private LazyJavaMap states;

    public JsonataBindings(JsonNode input, Optional<JsonNode> result, Optional<JsonNode> errorOutput,
            JsonNode context, Variables variables, RandomGenerator random, Instant now) {
        this(input, result, errorOutput, constant(requireNonNull(context, "context is null")), variables, random, now);
    }

    /**
     * Bindings whose context object is built only if an expression reads {@code $states.context} (most do
     * not, and building it costs more than a simple expression).
     */
    public JsonataBindings(JsonNode input, Optional<JsonNode> result, Optional<JsonNode> errorOutput,
            java.util.function.Supplier<JsonNode> context, Variables variables, RandomGenerator random, Instant now) {
        this.input = requireNonNull(input, "input is null");
        this.result = requireNonNull(result, "result is null");
        this.errorOutput = requireNonNull(errorOutput, "errorOutput is null");
        this.context = requireNonNull(context, "context is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.random = requireNonNull(random, "random is null");
        this.now = requireNonNull(now, "now is null");
    }

    /** The same bindings with {@code $states.result} set (a Task's, Parallel's or Map's result). */
    public JsonataBindings withResult(JsonNode newResult) {
        return new JsonataBindings(input, Optional.of(newResult), errorOutput, context, variables, random, now);
    }

    /** The same bindings with {@code $states.errorOutput} set (in a Catch). */
    public JsonataBindings withErrorOutput(JsonNode newErrorOutput) {
        return new JsonataBindings(input, result, Optional.of(newErrorOutput), context, variables, random, now);
    }

    /** The same bindings with another context object (a Map's ItemSelector sees {@code Map.Item}). */
    public JsonataBindings withContext(JsonNode newContext) {
        return new JsonataBindings(input, result, errorOutput, constant(newContext), variables, random, now);
    }

    /** The context object {@code $states.context}. */
    public JsonNode context() {
        return context.get();
    }

    private static java.util.function.Supplier<JsonNode> constant(JsonNode node) {
        return () -> node;
    }

    public JsonNode input() {
        return input;
    }

    public Variables variables() {
        return variables;
    }

    RandomGenerator random() {
        return random;
    }

    Instant now() {
        return now;
    }

    /** {@code $states} as the library sees it. */
    Map<String, Object> states() {
        if (states == null) {
            Map<String, java.util.function.Supplier<JsonNode>> s = new LinkedHashMap<>();
            s.put("input", () -> input);
            s.put("context", context);
            result.ifPresent(r -> s.put("result", () -> r));
            errorOutput.ifPresent(e -> s.put("errorOutput", () -> e));
            states = new LazyJavaMap(s);
        }
        return states;
    }
}
