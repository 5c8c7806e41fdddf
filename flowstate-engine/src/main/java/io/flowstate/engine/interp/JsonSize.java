package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether a value's JSON text is over a byte limit, without writing it: walks the tree adding up an upper
 * estimate and stops as soon as the limit is passed, so small payloads (the hot path) cost a few node visits
 * and only values near the limit are measured exactly.
 */
final class JsonSize {
    private JsonSize() {}

    static boolean exceeds(JsonNode node, int limit) {
        long estimate = estimate(node, limit + 1L);
        if (estimate <= limit / 6) {
            return false;
        }
        return io.flowstate.asl.json.Json.write(node).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limit;
    }

    /** An upper bound of the UTF-8 size (each char counted as up to 6 bytes), capped at {@code cap}. */
    private static long estimate(JsonNode node, long cap) {
        if (node.isTextual()) {
            return node.textValue().length() + 2L;
        }
        if (node.isContainerNode()) {
            long total = 2;
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    total += e.getKey().length() + 4 + estimate(e.getValue(), cap);
                    if (total > cap) {
                        break;
                    }
                }
            } else {
                for (int i = 0; i < node.size() && total <= cap; i++) {
                    total += 1 + estimate(node.get(i), cap);
                }
            }
            return total;
        }
        return 24;
    }
}
