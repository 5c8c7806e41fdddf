package io.flowstate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.ExpressionSyntaxException;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.Variables;
import io.flowstate.asl.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * JSONPath over test values with the engine's own evaluator, so a path means in a test what it means in a
 * definition: {@code $.a.b[0]} selects one value; wildcards and filters ({@code $.items[*].sku}) an array of
 * their matches.
 */
final class JsonPaths {
    private JsonPaths() {}

    /** What {@code path} selects in {@code document}; empty when a reference path matches nothing. */
    static Optional<JsonNode> find(JsonNode document, String path) {
        Path compiled;
        try {
            compiled = Path.compile(path);
        } catch (ExpressionSyntaxException e) {
            throw new IllegalArgumentException("not a JSONPath: '" + path + "': " + e.getMessage(), e);
        }
        if (compiled.root() != Path.Root.INPUT) {
            throw new IllegalArgumentException("a test path reads the value itself: write '$...', not '" + path + "'");
        }
        return compiled.find(new EvalContext(document, Json.object(), Variables.of(Map.of())));
    }
}
