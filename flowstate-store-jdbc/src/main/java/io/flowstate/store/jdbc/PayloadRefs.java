package io.flowstate.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each payload tree of one stored batch was first written, so that a later event of the batch that carries
 * the same tree writes a reference ({@code "input@":"3.output"}: event 3 of the batch, its {@code output}) instead
 * of the text again. A state's output is the next state's input, so without this a batch held most of its
 * payload text twice, and SQLite wrote (and synced) those bytes twice.
 *
 * <p>Only top-level payload fields of an event's details are recorded and referenced, and a reference always
 * names the place the text is written, never another reference. Keyed by identity, like {@link PayloadTexts}:
 * the engine treats JSON trees as immutable values. Not thread-safe: one per batch.
 */
final class PayloadRefs {
    /** Texts shorter than this are written again: a reference would not be shorter. */
    private static final int MIN_LENGTH = 24;

    private final Map<JsonNode, String> first;
    private int event;

    private PayloadRefs(Map<JsonNode, String> first) {
        this.first = first;
    }

    /** For a batch: later payloads refer to earlier ones. */
    static PayloadRefs batch() {
        return new PayloadRefs(new IdentityHashMap<>());
    }

    /** For an event stored on its own: every payload is written in full. */
    static PayloadRefs none() {
        return new PayloadRefs(null);
    }

    /** Moves to the event at {@code index} in the batch. */
    void event(int index) {
        this.event = index;
    }

    /**
     * The reference to where {@code node} was written already in this batch; null when it is to be written
     * here, in which case this place is recorded for the events that follow.
     */
    String refer(JsonNode node, String text, String field) {
        if (first == null || text.length() < MIN_LENGTH) {
            return null;
        }
        String ref = first.get(node);
        if (ref == null) {
            first.put(node, event + "." + field);
        }
        return ref;
    }

    /** The payload {@code field} of stored details {@code d}, following a reference into {@code batch}. */
    static JsonNode resolve(JsonNode d, String field, JsonNode batch) {
        JsonNode ref = d.get(field + "@");
        if (ref == null) {
            return d.get(field);
        }
        String place = ref.asText();
        int dot = place.indexOf('.');
        JsonNode target = batch == null || dot < 0 ? null
                : batch.path(Integer.parseInt(place.substring(0, dot))).path("details").get(place.substring(dot + 1));
        if (target == null) {
            throw new IllegalArgumentException("stored payload reference " + place + " points nowhere");
        }
        return target;
    }
}
