package io.flowstate.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.util.Map;

/**
 * A JSON tree's compact text, exactly as {@link Json#write} writes it, appended straight to a
 * {@link StringBuilder}. Serialising payload trees through Jackson's generator (a writer, a generator and its
 * buffers per tree) was a quarter of a durable commit's CPU on the pass-chain benchmark. Objects, arrays,
 * strings, ints, longs, booleans and null are written here (strings escaped as Jackson escapes them, see
 * {@link JsonText}); any other node (floating-point and big numbers, binary, POJO) is handed to Jackson, so its
 * text stays Jackson's to the byte.
 */
final class CompactJson {
    private CompactJson() {}

    /** The compact text of {@code node}. */
    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(128);
        append(out, node);
        return out.toString();
    }

    /** Appends the compact text of {@code node} to {@code out}. */
    static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    JsonText.quote(out, e.getKey());
                    out.append(':');
                    append(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> JsonText.quote(out, node.textValue());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (node.isInt()) {
                    out.append(node.intValue());
                } else if (node.isLong()) {
                    out.append(node.longValue());
                } else {
                    out.append(Json.write(node));
                }
            }
            default -> out.append(Json.write(node));
        }
    }
}
