package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Python stack trace a raising Lambda reported, in a case's recorded data: the {@code stackTrace}
 * of the first error payload with the given {@code errorType}, whether it was recorded as an object or as
 * JSON text inside a string. The handler files are not part of the corpus, so the recording is the only
 * source of the line numbers.
 */
public final class RecordedStackTrace {
    /** What {@code raise Exception("...")} on line 2 of the standard handler reports. */
    static final List<String> DEFAULT = List.of(
            "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n");

    private RecordedStackTrace() {}

    public static List<String> find(JsonNode expected, String errorType) {
        return search(expected, errorType).orElse(DEFAULT);
    }

    private static Optional<List<String>> search(JsonNode node, String errorType) {
        if (node.isTextual() && node.textValue().startsWith("{")) {
            return Json.tryParse(node.textValue()).flatMap(parsed -> search(parsed, errorType));
        }
        if (node.isObject() && node.path("stackTrace").isArray()
                && errorType.equals(node.path("errorType").asText())) {
            List<String> lines = new ArrayList<>();
            node.path("stackTrace").forEach(line -> lines.add(line.asText()));
            return Optional.of(lines);
        }
        for (JsonNode child : node) {
            Optional<List<String>> found = search(child, errorType);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
