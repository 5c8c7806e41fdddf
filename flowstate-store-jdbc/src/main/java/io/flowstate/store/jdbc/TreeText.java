package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Compact JSON text of payload trees, exactly as {@link Json#write} writes them, in which a subtree written
 * before (by this instance) is copied as text instead of being serialised again.
 *
 * <p>The engine builds a state's output from its input by copying only the objects on the way to what changed
 * (a ResultPath, a Parameters template): the rest of the tree is the same objects. A commit's events carry many
 * such trees (each state's input and output), so most of their text is the text of subtrees already written in
 * the same commit. Serialising each payload from scratch was a quarter of the CPU a durable pass-chain spent.
 *
 * <p>Keyed by identity, so it is only correct while the trees are not changed, which holds because the engine
 * treats JSON trees as immutable values. Not thread-safe: one per commit.
 */
final class TreeText {
    /** A container whose text is shorter than this is written again: keeping it would cost more than writing it. */
    private static final int MIN_KEPT = 32;
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    private final Map<JsonNode, String> written = new IdentityHashMap<>();

    /** The compact JSON text of {@code node}. */
    String text(JsonNode node) {
        String known = written.get(node);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder(256);
        value(node, out);
        String text = out.toString();
        written.put(node, text);
        return text;
    }

    private void value(JsonNode n, StringBuilder out) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quoted(e.getKey(), out);
                    out.append(':');
                    child(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    child(n.get(i), out);
                }
                out.append(']');
            }
            case STRING -> quoted(n.textValue(), out);
            case BOOLEAN -> out.append(n.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> number(n, out);
            default -> out.append(Json.write(n)); // binary, POJO, missing: never in payloads; Jackson decides
        }
    }

    /** A member or element: a container's text comes from (or goes to) what was written before. */
    private void child(JsonNode n, StringBuilder out) {
        if (!n.isContainerNode()) {
            value(n, out);
            return;
        }
        String known = written.get(n);
        if (known != null) {
            out.append(known);
            return;
        }
        int start = out.length();
        value(n, out);
        if (out.length() - start >= MIN_KEPT) {
            written.put(n, out.substring(start));
        }
    }

    /** Numbers as Jackson's generator writes them; anything unusual is left to Jackson itself. */
    private static void number(JsonNode n, StringBuilder out) {
        switch (n.numberType()) {
            case INT -> out.append(n.intValue());
            case LONG -> out.append(n.longValue());
            case DOUBLE -> {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    out.append(Double.toString(d));
                } else {
                    out.append(Json.write(n));
                }
            }
            default -> out.append(Json.write(n)); // BigInteger, BigDecimal, float
        }
    }

    /** {@code s} as a JSON string, escaped as Jackson's generator escapes it. */
    static void quoted(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            out.append(s);
        } else {
            ESCAPE.quoteAsString(s, out);
        }
        out.append('"');
    }

    /** Whether {@code s} needs no escaping: no control character, quote or backslash. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
