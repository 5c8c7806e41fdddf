package io.flowstate.store.jdbc;

import io.flowstate.asl.json.TreeWriter;

/**
 * Compact JSON written straight into a {@link StringBuilder}: the stored envelope of events (ids, names,
 * timestamps around payload texts that are serialised already). Building a Jackson tree per event and
 * serialising it cost more than the payloads themselves once those were serialised only once per commit.
 * String values are escaped as Jackson's generator escapes them, so the text is the one Jackson would write; field
 * names are the codec's own identifiers, written as they are.
 *
 * <p>Callers nest {@link #begin}/{@link #beginObject} and {@link #end} properly; nothing checks it.
 */
final class JsonText {
    private static final int MAX_DEPTH = 8;

    private final StringBuilder out;
    /** Per open object, whether it has a field yet (a comma goes before the next one). */
    private final boolean[] hasField = new boolean[MAX_DEPTH];
    private int depth = -1;

    /** Writes at the end of {@code out} (a batch's events share one buffer). */
    JsonText(StringBuilder out) {
        this.out = out;
    }

    /** Opens the top-level object (or a nested object as a value, after {@link #beginObject}). */
    JsonText begin() {
        out.append('{');
        hasField[++depth] = false;
        return this;
    }

    /** Opens an object as the value of {@code name}. */
    JsonText beginObject(String name) {
        name(name);
        return begin();
    }

    /** Closes the innermost object. */
    JsonText end() {
        out.append('}');
        depth--;
        return this;
    }

    JsonText string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    /** A string value known to need no escaping: an enum constant's name, an ISO-8601 timestamp. */
    JsonText plain(String name, String value) {
        name(name);
        out.append('"').append(value).append('"');
        return this;
    }

    JsonText number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** {@code text}, which is JSON already, as the value of {@code name}. */
    JsonText raw(String name, String text) {
        name(name);
        out.append(text);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        if (hasField[depth]) {
            out.append(',');
        }
        hasField[depth] = true;
        // Field names are the codec's own identifiers (never data), so they need no escaping.
        out.append('"').append(name).append("\":");
    }

    private void quoted(String s) {
        TreeWriter.quote(s, out);
    }
}
