package io.flowstate.console.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the events of one chosen Map iteration (and everything outside Maps), so that a Map's inner states show
 * that item's statuses: {@code ?iteration=2} is item 2 of each Map, {@code 2/0} item 0 of a Map inside item 2.
 *
 * <p>Each event gets a scope, the path of iteration indexes it runs in. MapIterationStarted opens a child scope of
 * its Map's; a Map's own events (MapState*, MapIteration*, MapRun*) are in the scope the Map was entered in,
 * because their {@code previousEventId} may point into any item; every other event is in its previous event's
 * scope, as AWS chains an item's events from its MapIterationStarted.
 */
public final class IterationFilter {
    private final String selected;
    private final Map<Long, String> scopes = new HashMap<>();
    /** Open Map states and the scope each was entered in, innermost last. */
    private final List<String[]> openMaps = new ArrayList<>();

    /** A filter for {@code path}, e.g. "2" or "2/0". */
    public IterationFilter(String path) {
        this.selected = "/" + path.trim().replaceAll("^/+|/+$", "") + "/";
    }

    /** Whether {@code event} (fed in ascending order) is outside Maps or in the chosen iteration. */
    public boolean accept(JsonNode event) {
        String type = event.path("type").asText("");
        long id = event.path("id").asLong();
        String previous = scopes.getOrDefault(event.path("previousEventId").asLong(), "/");
        String scope;
        if (type.equals("MapStateEntered")) {
            scope = previous;
            openMaps.add(new String[] {event.path("stateEnteredEventDetails").path("name").asText(), scope});
        } else if (type.startsWith("MapIteration")) {
            JsonNode details = event.path(detailsField(type));
            int map = instance(details.path("name").asText(null), previous);
            scope = (map < 0 ? "/" : openMaps.get(map)[1]) + details.path("index").asInt() + "/";
        } else if (type.startsWith("MapState") || type.startsWith("MapRun")) {
            int map = instance(event.path("stateExitedEventDetails").path("name").asText(null), previous);
            scope = map < 0 ? "/" : openMaps.get(map)[1];
            if (type.equals("MapStateExited") && map >= 0) {
                openMaps.remove(map);
            }
        } else {
            scope = previous;
        }
        scopes.put(id, scope);
        return selected.startsWith(scope) || scope.startsWith(selected);
    }

    /**
     * The open Map (named {@code name}, if given) that an event following one in {@code previous} belongs to: the
     * innermost whose scope holds {@code previous}. Two items of an outer Map may run the same inner Map at once;
     * the previous event's scope tells them apart.
     */
    private int instance(String name, String previous) {
        int best = -1;
        for (int i = 0; i < openMaps.size(); i++) {
            String[] map = openMaps.get(i);
            if ((name == null || map[0].equals(name)) && previous.startsWith(map[1])
                    && (best < 0 || map[1].length() >= openMaps.get(best)[1].length())) {
                best = i;
            }
        }
        return best;
    }

    private static String detailsField(String type) {
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
