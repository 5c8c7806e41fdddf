package io.flowstate.asl.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Compact JSON text of trees, exactly as Jackson's generator writes them, straight into a {@link StringBuilder}.
 * Jackson sets up a generator, a writer and recycled buffers for each document, which for the small documents
 * the engine writes all the time (a log line, an event's payload) costs more than writing them.
 *
 * <p>A {@linkplain #caching() caching} writer also copies as text every subtree it wrote before instead of
 * writing it again. The engine builds a state's output from its input by copying only the objects on the way to
 * what changed (a ResultPath, a Parameters template), so a commit's payloads are mostly subtrees of each other.
 * That is keyed by identity, so it is only correct while the trees are not changed, which holds because the
 * engine treats JSON trees as immutable values. A caching writer is not thread-safe; a plain one is.
 */
public final class TreeWriter {
    /** A container whose text is shorter than this is written again: keeping it would cost more than writing it. */
    private static final int MIN_KEPT = 32;
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
    private static final TreeWriter PLAIN = new TreeWriter(null);

    private final Map<JsonNode, String> written;

    private TreeWriter(Map<JsonNode, String> written) {
        this.written = written;
    }

    /** A writer that keeps nothing (shared, thread-safe). */
    public static TreeWriter plain() {
        return PLAIN;
    }

    /** A writer that reuses the text of every container it wrote before (for one batch of related trees). */
    public static TreeWriter caching() {
        return new TreeWriter(new IdentityHashMap<>());
    }

    /** The compact JSON text of {@code node}. */
    public String text(JsonNode node) {
        String known = written == null ? null : written.get(node);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder(node.isContainerNode() ? 256 : 16);
        value(node, out);
        String text = out.toString();
        if (written != null) {
            written.put(node, text);
        }
        return text;
    }

    /** Appends the compact JSON text of {@code node} to {@code out}. */
    public void write(JsonNode node, StringBuilder out) {
        child(node, out);
    }

    /** Appends {@code s} as a JSON string, escaped as Jackson's generator escapes it. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            out.append(s);
        } else {
            ESCAPE.quoteAsString(s, out);
        }
        out.append('"');
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
                    quote(e.getKey(), out);
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
            case STRING -> quote(n.textValue(), out);
            case BOOLEAN -> out.append(n.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> number(n, out);
            // Text that is JSON already (a journaled task result, written once for its events): as Jackson writes it.
            case POJO -> out.append(n instanceof com.fasterxml.jackson.databind.node.POJONode p
                    && p.getPojo() instanceof com.fasterxml.jackson.databind.util.RawValue raw
                    && raw.rawValue() instanceof String text ? text : jackson(n));
            default -> out.append(jackson(n)); // binary, missing: never in payloads; Jackson decides
        }
    }

    /** A member or element: with a cache, a container's text comes from (or goes to) what was written before. */
    private void child(JsonNode n, StringBuilder out) {
        if (written == null || !n.isContainerNode()) {
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
                    out.append(jackson(n));
                }
            }
            default -> out.append(jackson(n)); // BigInteger, BigDecimal, float
        }
    }

    private static String jackson(JsonNode n) {
        try {
            return Json.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
