package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What an expression can see while it is evaluated: the state's effective input ({@code $}), the context
 * object ({@code $$}), the workflow variables ({@code $name}) and the random source used by
 * {@code States.MathRandom} (unseeded) and {@code States.UUID}.
 *
 * <p>Values are Jackson trees treated as immutable: expressions never modify them. The context object is
 * given as a supplier because most states never read it and building it costs more than the state itself;
 * the interpreter passes a memoizing one. The random source is injected so that tests (and replays) can make
 * those two functions deterministic.
 */
public record EvalContext(JsonNode input, Supplier<JsonNode> contextSource, Variables variables, RandomGenerator random) {
    public EvalContext {
        requireNonNull(input, "input is null");
        requireNonNull(contextSource, "contextSource is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(random, "random is null");
    }

    /** A context with a ready-made context object. */
    public EvalContext(JsonNode input, JsonNode context, Variables variables, RandomGenerator random) {
        this(input, constant(requireNonNull(context, "context is null")), variables, random);
    }

    /**
     * A context with a fresh, unpredictably seeded random source. The interpreter passes its execution's own
     * seeded source instead, so that a replayed execution draws the same numbers.
     */
    public EvalContext(JsonNode input, JsonNode context, Variables variables) {
        this(input, context, variables, new SplittableRandom());
    }

    /** The context object {@code $$}. */
    public JsonNode context() {
        return contextSource.get();
    }

    /** The same context with another {@code $}. */
    public EvalContext withInput(JsonNode newInput) {
        return new EvalContext(newInput, contextSource, variables, random);
    }

    private static Supplier<JsonNode> constant(JsonNode node) {
        return () -> node;
    }
}
