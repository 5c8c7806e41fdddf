package io.flowstate.asl.jsonata;

import static io.flowstate.asl.expr.TestJson.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Variables;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Evaluates JSONata in tests against a fixed input, clock and seeded random source. */
final class JsonataEval {
    static final Instant NOW = Instant.parse("2024-05-01T10:20:30.456Z");

    private JsonataEval() {}

    static JsonataBindings bindings(String input) {
        return bindings(input, Map.of());
    }

    static JsonataBindings bindings(String input, Map<String, JsonNode> variables) {
        return new JsonataBindings(json(input), Optional.empty(), Optional.empty(),
                json("{'Execution':{'Name':'run-1'}}"), Variables.of(variables), new SplittableRandom(7), NOW);
    }

    /** The value of {@code expression} (without delimiters) on {@code input}; empty for undefined. */
    static Optional<JsonNode> eval(String expression, String input) {
        return JsonataExpression.compile(expression).evaluate(bindings(input));
    }

    static JsonNode value(String expression, String input) {
        return eval(expression, input).orElseThrow(() -> new AssertionError(expression + " is undefined"));
    }
}
