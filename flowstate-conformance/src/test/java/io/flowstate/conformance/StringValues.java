package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Rewrites every string value of a JSON tree (not field names): the plain-text replacements of the recording. */
public final class StringValues {
    private StringValues() {}

    /** Returns {@code node} with every string value mapped, changing containers in place. */
    public static JsonNode map(JsonNode node, UnaryOperator<String> mapping) {
        if (node.isTextual()) {
            String mapped = mapping.apply(node.textValue());
            return mapped.equals(node.textValue()) ? node : JsonNodeFactory.instance.textNode(mapped);
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                object.set(field.getKey(), map(field.getValue(), mapping));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, map(array.get(i), mapping));
            }
        }
        return node;
    }
}
