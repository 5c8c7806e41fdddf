package io.flowstate.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;

/** {@link PayloadWriter#preservingInput}: the input's original text where a payload is the input, by value. */
final class InputText {
    private InputText() {}

    static String write(JsonNode node, JsonNode input, String inputText) {
        if (node.equals(input)) {
            return inputText;
        }
        if (!node.isArray() || !containsInput(node, input)) {
            return Json.write(node);
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(write(node.get(i), input, inputText));
        }
        return out.append(']').toString();
    }

    private static boolean containsInput(JsonNode array, JsonNode input) {
        for (JsonNode item : array) {
            if (item.equals(input) || item.isArray() && containsInput(item, input)) {
                return true;
            }
        }
        return false;
    }
}
