package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** ResultPath: where a state's result goes inside its raw input. */
public final class ResultPaths {
    private ResultPaths() {}

    /**
     * Returns a copy of {@code input} with {@code result} placed at {@code resultPath} (a reference path on
     * {@code $}); {@code $} alone replaces the input. The input is never modified.
     */
    public static JsonNode merge(Path resultPath, JsonNode input, JsonNode result) {
        return result;
    }
}
