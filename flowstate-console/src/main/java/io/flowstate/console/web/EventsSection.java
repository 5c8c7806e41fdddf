package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One page of an execution's history (GetExecutionHistory's own paging, so a long history is never read whole),
 * ascending or descending, filtered by type and by state, each event's JSON folded under its row, and a link to
 * download the whole history.
 */
final class EventsSection {
    static final int PAGE = 50;

    private EventsSection() {}

    /** Order, page token, and the optional filters: a part of the event type, and a state's exact name. */
    record Query(boolean descending, Optional<String> token, Optional<String> type, Optional<String> state) {
        boolean filtered() {
            return type.isPresent() || state.isPresent();
        }
    }

    static String render(ConsoleService service, String arn, Query query) {
        // Unfiltered: one API page of 50. Filtered: API pages of 1000 until 50 match, all matches of the pages read
        // shown, and the next link continues after the last page read, so no match is skipped.
        List<JsonNode> shown = new ArrayList<>();
        Map<Long, String> owners = new HashMap<>();
        Optional<String> next = query.token();
        do {
            GetExecutionHistory.Response page = service.history(arn, query.descending(), query.filtered() ? 1000 : PAGE,
                    next, true);
            Map<Long, JsonNode> byId = new HashMap<>();
            page.events().forEach(e -> byId.put(e.path("id").asLong(), e));
            for (JsonNode e : page.events()) {
                if (matches(e, query, byId, owners)) {
                    shown.add(e);
                }
            }
            next = page.nextToken();
        } while (query.filtered() && shown.size() < PAGE && next.isPresent());
        String self = esc(Paths.execution(arn));
        String order = query.descending() ? "desc" : "asc";
        StringBuilder html = new StringBuilder("<h2 id=\"events\">Event history</h2><p class=\"pager\">")
                .append("<a id=\"events-asc\" href=\"").append(self).append("?order=asc#events\">Oldest first</a>")
                .append("<a id=\"events-desc\" href=\"").append(self).append("?order=desc#events\">Newest first</a>")
                .append("<a id=\"download-history\" href=\"").append(self)
                .append("?download=history\" download=\"history.json\">Download the whole history (JSON)</a></p>")
                .append("<form class=\"filters\" method=\"get\" action=\"").append(self).append("#events\">")
                .append("<input type=\"hidden\" name=\"order\" value=\"").append(order).append("\">")
                .append("<label>Type contains<input name=\"type\" id=\"events-type\" value=\"")
                .append(esc(query.type().orElse(""))).append("\"></label><label>State<input name=\"event-state\" id=\"events-state\" value=\"")
                .append(esc(query.state().orElse(""))).append("\"></label><button type=\"submit\" id=\"events-filter\">Filter events</button></form>")
                .append("<table id=\"events-table\"><thead><tr><th scope=\"col\">ID</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Time</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        for (JsonNode event : shown) {
            html.append("<tr data-event-id=\"").append(event.path("id").asLong()).append("\"><td>")
                    .append(event.path("id").asLong()).append("</td><td>").append(esc(event.path("type").asText()))
                    .append("</td><td>").append(esc(stateName(event))).append("</td><td>")
                    .append(esc(time(event.path("timestamp")))).append("</td><td><details><summary>JSON</summary><pre>")
                    .append(esc(event.toPrettyString())).append("</pre></details></td></tr>");
        }
        html.append("</tbody></table>");
        String filters = query.type().map(t -> "&type=" + Paths.query(t)).orElse("")
                + query.state().map(t -> "&event-state=" + Paths.query(t)).orElse("");
        next.ifPresent(t -> html.append("<p class=\"pager\"><a rel=\"next\" id=\"events-next\" href=\"")
                .append(self).append("?order=").append(order).append(esc(filters)).append("&events=")
                .append(Paths.query(t)).append("#events\">Next events \u2192</a></p>"));
        return html.toString();
    }

    private static boolean matches(JsonNode e, Query query, Map<Long, JsonNode> page, Map<Long, String> owners) {
        String type = e.path("type").asText();
        if (query.type().isPresent()
                && !type.toLowerCase(Locale.ROOT).contains(query.type().get().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return query.state().isEmpty() || query.state().get().equals(owner(e, page, owners));
    }

    /**
     * The state an event belongs to: named on entered and exited events, else found through previousEventId among
     * the events read so far. A Parallel's or Map's own events point into a branch, so they count by name only.
     */
    private static String owner(JsonNode e, Map<Long, JsonNode> page, Map<Long, String> owners) {
        long id = e.path("id").asLong();
        String known = owners.get(id);
        if (known != null) {
            return known;
        }
        String named = stateName(e);
        String type = e.path("type").asText();
        String owner = !named.isEmpty() && (type.endsWith("StateEntered") || type.endsWith("StateExited")) ? named
                : type.startsWith("Execution") || type.startsWith("Map") || type.startsWith("ParallelState") ? ""
                : Optional.ofNullable(page.get(e.path("previousEventId").asLong()))
                        .map(p -> owner(p, page, owners))
                        .orElseGet(() -> owners.getOrDefault(e.path("previousEventId").asLong(), ""));
        owners.put(id, owner);
        return owner;
    }

    /** The event's time: the API writes epoch seconds with a fraction, as AWS's JSON protocol does. */
    static String time(JsonNode timestamp) {
        if (!timestamp.isNumber()) {
            return timestamp.asText();
        }
        long millis = timestamp.decimalValue().movePointRight(3).longValue();
        return Fmt.time(java.time.Instant.ofEpochMilli(millis));
    }

    /** The state an event names in its details, if any (entered and exited events do). */
    private static String stateName(JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = event.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().endsWith("EventDetails") && f.getValue().has("name")) {
                return f.getValue().path("name").asText();
            }
        }
        return "";
    }
}
