package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recording's first step (corpus README, step 1): string fields whose text starts with <code>{</code> and
 * parses were replaced by the parsed object. As upstream did it: the walk goes through objects and through
 * objects inside arrays; a freshly parsed value is not walked again, so a JSON string nested inside a parsed
 * payload (a {@code Cause} inside an {@code output}) stays a string; strings directly inside arrays and JSON
 * arrays in strings stay as they are.
 */
public final class JsonStrings {
    private JsonStrings() {}

    /** Parses the JSON-object strings of {@code node} in place. */
    public static void parseObjectStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                if (value.isObject() || value.isArray()) {
                    parseObjectStrings(value);
                } else if (value.isTextual() && value.textValue().startsWith("{")) {
                    Optional<JsonNode> parsed = Json.tryParse(value.textValue());
                    parsed.filter(JsonNode::isObject).ifPresent(p -> object.set(field.getKey(), p));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isObject()) {
                    parseObjectStrings(item);
                }
            }
        }
    }

    /**
     * The {@code custom} normalisation of some upstream tests: {@code output} strings of Exited and Succeeded
     * events were parsed whatever JSON they held (numbers too).
     */
    static void parseOutputStrings(ArrayNode events) {
        for (JsonNode event : events) {
            for (String key : List.of("stateExitedEventDetails", "executionSucceededEventDetails")) {
                if (event.get(key) instanceof ObjectNode details && details.path("output").isTextual()) {
                    Json.tryParse(details.get("output").textValue()).ifPresent(v -> details.set("output", v));
                }
            }
        }
    }
}
