package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One page of an execution's history (GetExecutionHistory's own paging, so a long history is never read whole),
 * ascending or descending, each event's JSON folded under its row, and a link to download the whole history.
 */
final class EventsSection {
    static final int PAGE = 50;

    private EventsSection() {}

    record Query(boolean descending, Optional<String> token) {}

    static String render(ConsoleService service, String arn, Query query) {
        GetExecutionHistory.Response page = service.history(arn, query.descending(), PAGE, query.token(), true);
        String self = esc(Paths.execution(arn));
        StringBuilder html = new StringBuilder("<h2 id=\"events\">Event history</h2><p class=\"pager\">")
                .append("<a id=\"events-asc\" href=\"").append(self).append("?order=asc#events\">Oldest first</a>")
                .append("<a id=\"events-desc\" href=\"").append(self).append("?order=desc#events\">Newest first</a>")
                .append("<a id=\"download-history\" href=\"").append(self)
                .append("?download=history\" download=\"history.json\">Download the whole history (JSON)</a></p>")
                .append("<table id=\"events-table\"><thead><tr><th scope=\"col\">ID</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Time</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        for (JsonNode event : page.events()) {
            html.append("<tr data-event-id=\"").append(event.path("id").asLong()).append("\"><td>")
                    .append(event.path("id").asLong()).append("</td><td>").append(esc(event.path("type").asText()))
                    .append("</td><td>").append(esc(stateName(event))).append("</td><td>")
                    .append(esc(time(event.path("timestamp")))).append("</td><td><details><summary>JSON</summary><pre>")
                    .append(esc(event.toPrettyString())).append("</pre></details></td></tr>");
        }
        html.append("</tbody></table>");
        page.nextToken().ifPresent(t -> html.append("<p class=\"pager\"><a rel=\"next\" id=\"events-next\" href=\"")
                .append(self).append("?order=").append(query.descending() ? "desc" : "asc").append("&events=")
                .append(Paths.query(t)).append("#events\">Next ").append(PAGE).append(" events \u2192</a></p>"));
        return html.toString();
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
