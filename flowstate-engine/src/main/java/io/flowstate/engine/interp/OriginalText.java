package io.flowstate.engine.interp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a payload as AWS shows it in history: a value that still is the client's original input keeps the
 * client's text (its spacing), also as an item of a Parallel or Map result array; inside a value a template
 * built, it is written anew.
 */
final class OriginalText {
    private OriginalText() {}

    static String write(JsonNode node, Map<JsonNode, String> originals, java.util.Set<JsonNode> resultArrays) {
        String whole = originals.get(node);
        if (whole != null) {
            return whole;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            write(g, node, originals, resultArrays, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node, Map<JsonNode, String> originals,
            java.util.Set<JsonNode> resultArrays, boolean whole) throws IOException {
        String text = whole ? originals.get(node) : null;
        boolean items = resultArrays.contains(node);
        if (text != null) {
            g.writeRawValue(text);
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), originals, resultArrays, false);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(g, item, originals, resultArrays, items);
            }
            g.writeEndArray();
        } else {
            Json.mapper().writeTree(g, node);
        }
    }
}
