package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ResultPath: where a state's result goes inside its raw input.
 *
 * <p>The input is never modified: only the objects along the path are copied (shallowly), every other subtree
 * is shared with the input. Missing objects along the path are created, as AWS does ({@code $.a.b} on
 * {@code {}} gives {@code {"a":{"b":result}}}). A path that runs into a value that is not an object (or an
 * index outside an existing array) cannot be applied: {@code States.ResultPathMatchFailure}.
 */
public final class ResultPaths {
    private ResultPaths() {}

    /**
     * Returns a copy of {@code input} with {@code result} placed at {@code resultPath} (a reference path on
     * {@code $}); {@code $} alone replaces the input. The input is never modified.
     *
     * @throws IllegalArgumentException when {@code resultPath} is not a reference path on {@code $}; the
     *     definition validator rejects such a ResultPath before any execution
     */
    public static JsonNode merge(Path resultPath, JsonNode input, JsonNode result) {
        if (resultPath.root() != Path.Root.INPUT || !resultPath.isDefinite()) {
            throw new IllegalArgumentException("ResultPath must be a reference path on $: " + resultPath.text());
        }
        List<PathSegment> segments = resultPath.segments();
        if (segments.isEmpty()) {
            return result;
        }
        return place(resultPath, input, segments, 0, input, result);
    }

    private static JsonNode place(Path path, JsonNode input, List<PathSegment> segments, int i, JsonNode node, JsonNode result) {
        boolean last = i == segments.size() - 1;
        return switch (segments.get(i)) {
            case PathSegment.Field f -> {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                if (node instanceof ObjectNode object) {
                    copy.setAll(object);
                } else if (node != null) {
                    throw mismatch(path, input); // a string, number, array or null is in the way
                }
                JsonNode child = copy.get(f.name());
                copy.set(f.name(), last ? result : place(path, input, segments, i + 1, child, result));
                yield copy;
            }
            case PathSegment.Index ix -> {
                if (!(node instanceof ArrayNode array)) {
                    throw mismatch(path, input);
                }
                int index = ix.index() < 0 ? array.size() + ix.index() : ix.index();
                if (index < 0 || index >= array.size()) {
                    throw mismatch(path, input);
                }
                ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
                copy.addAll(array);
                copy.set(index, last ? result : place(path, input, segments, i + 1, array.get(index), result));
                yield copy;
            }
        };
    }

    private static EvaluationException mismatch(Path path, JsonNode input) {
        return new EvaluationException("States.ResultPathMatchFailure", "Unable to apply ResultPath '" + path.text()
                + "' to input '" + JsonPathEngine.toJson(input) + "'");
    }
}
