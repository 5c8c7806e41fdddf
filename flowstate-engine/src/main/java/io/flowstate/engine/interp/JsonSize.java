package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;

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

    /**
     * The UTF-8 length of the value's compact JSON text, as {@code Json.write} would produce it, without writing
     * it: strings are counted with Jackson's escapes, numbers by their text.
     */
    static long bytes(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return text(node.textValue());
            case OBJECT: {
                // forEachEntry, not properties(): a map's entry set, once asked for, stays with the map, and a
                // Distributed Map sizes every item it batches (a million CSV rows: 24 MB of entry sets kept).
                long[] total = {2 + Math.max(0, node.size() - 1)};
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).forEachEntry((k, v) ->
                        total[0] += text(k) + 1 + bytes(v));
                return total[0];
            }
            case ARRAY: {
                long total = 2 + Math.max(0, node.size() - 1);
                for (JsonNode item : node) {
                    total += bytes(item);
                }
                return total;
            }
            case BOOLEAN:
                return node.booleanValue() ? 4 : 5;
            case NULL, MISSING:
                return 4;
            default:
                return node.toString().length();
        }
    }

    /** A quoted string's size: two-byte short escapes, six-byte escapes for the other control characters. */
    private static long text(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                n += 2;
            } else if (c < 0x20) {
                n += 6;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** An upper bound of the UTF-8 size (each char counted as up to 6 bytes), capped at {@code cap}. */
    private static long estimate(JsonNode node, long cap) {
        if (node.isTextual()) {
            return node.textValue().length() + 2L;
        }
        if (node.isContainerNode()) {
            long total = 2;
            if (node.isObject()) {
                // forEachEntry, for the reason bytes() gives; past the cap the rest of the fields are skipped.
                long[] sum = {total};
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).forEachEntry((k, v) -> {
                    if (sum[0] <= cap) {
                        sum[0] += k.length() + 4 + estimate(v, cap);
                    }
                });
                total = sum[0];
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
