package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@code parallel-sorted} event normalisation, reproduced step for step from what upstream applied before
 * recording, quirks included, because the recorded lists carry its traces:
 *
 * <ul>
 *   <li>events after a {@code ParallelStateStarted} get {@code "id": [0]} and {@code "previousEventId": 0}
 *       and are collected, until the next Parallel end event ({@code ParallelStateSucceeded/Failed/Aborted/Exited});
 *   <li>every end event replaces the list from the last start up to itself by the collected events sorted, so
 *       a {@code ParallelStateSucceeded} directly followed by {@code ParallelStateExited} is dropped (the second
 *       replacement covers it), and nested Parallels lose their inner end events;
 *   <li>a nested {@code ParallelStateStarted} restarts the collection.
 * </ul>
 *
 * The sort order does not matter to the comparison: {@link EventsComparator} matches runs of {@code [0]} events
 * as multisets.
 */
public final class ParallelEvents {
    private static final Set<String> END_TYPES = Set.of(
            "ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited", "ParallelStateFailed");

    private ParallelEvents() {}

    /** Normalises the events in place. */
    public static void normalise(ArrayNode events) {
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        int start = 0;
        List<JsonNode> collected = new ArrayList<>();
        boolean collecting = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode event = list.get(i);
            JsonNode type = event.get("type");
            if (type == null || !type.isTextual()) {
                collecting = false;
            } else if (END_TYPES.contains(type.textValue())) {
                List<JsonNode> sorted = new ArrayList<>(collected);
                sorted.sort(Comparator.comparing(Json::write));
                // Python clamps slice bounds; so does this.
                int from = Math.min(start, list.size());
                List<JsonNode> replaced = list.subList(from, Math.max(from, Math.min(i, list.size())));
                replaced.clear();
                replaced.addAll(sorted);
                // The list may have shrunk; the loop goes on at the same index, as upstream's enumerate() did.
                collecting = false;
            } else if (type.textValue().equals("ParallelStateStarted")) {
                collecting = true;
                collected = new ArrayList<>();
                start = i + 1;
            } else if (collecting && event instanceof ObjectNode object) {
                object.putArray("id").add(0);
                object.put("previousEventId", 0);
                collected.add(object);
            }
        }
        events.removeAll();
        events.addAll(list);
    }

    /** Whether an event was collected by {@link #normalise} (its id became {@code [0]}). */
    public static boolean isSortedEvent(JsonNode event) {
        return event.path("id").isArray();
    }
}
