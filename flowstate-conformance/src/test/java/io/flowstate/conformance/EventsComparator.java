package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a recorded event list with a normalised actual one: event by event in order, except that a run of
 * events sorted by {@link ParallelEvents} (id {@code [0]}) is matched as a multiset against the actual events
 * at the same positions, since the recorded order there is only the sort order.
 */
public final class EventsComparator {
    private EventsComparator() {}

    public static List<Difference> compare(JsonNode expected, JsonNode actual, Bindings bindings) {
        List<Difference> out = new ArrayList<>();
        if (expected.size() != actual.size()) {
            out.add(new Difference("events", "expected " + expected.size() + " events got " + actual.size()
                    + " (expected types " + types(expected) + ", got " + types(actual) + ")"));
        }
        int common = Math.min(expected.size(), actual.size());
        int i = 0;
        while (i < common) {
            if (ParallelEvents.isSortedEvent(expected.get(i))) {
                int end = i;
                while (end < common && ParallelEvents.isSortedEvent(expected.get(end))) {
                    end++;
                }
                compareRun(expected, actual, i, end, bindings, out);
                i = end;
            } else {
                JsonComparator.compare(path(i, expected.get(i)), expected.get(i), actual.get(i), bindings, out);
                i++;
            }
        }
        return out;
    }

    private static void compareRun(JsonNode expected, JsonNode actual, int from, int to, Bindings bindings,
            List<Difference> out) {
        List<Integer> unused = new ArrayList<>();
        for (int j = from; j < to; j++) {
            unused.add(j);
        }
        for (int e = from; e < to; e++) {
            boolean matched = false;
            for (Integer a : unused) {
                Bindings trial = bindings.copy();
                if (JsonComparator.compare("", expected.get(e), actual.get(a), trial).isEmpty()) {
                    bindings.adopt(trial);
                    unused.remove(a);
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                out.add(new Difference(path(e, expected.get(e)), "no actual event among events[" + from + ".."
                        + (to - 1) + "] (Parallel branch events, compared in any order) matches "
                        + Difference.shorten(expected.get(e))));
            }
        }
    }

    private static String path(int index, JsonNode event) {
        return "events[" + index + "]";
    }

    private static String types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText("?")));
        return types.toString();
    }
}
