package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.status.StateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The panel of one state, opened from the graph or the table ({@code ?state=NAME}): its definition's resource,
 * timeouts and input/output processing fields, its last input and output, every error it met (Retry attempts
 * included), and its events. Events are tied to the state as the status fold ties them (names on entered and
 * exited, {@code previousEventId} for the rest); at most {@link #MAX_EVENTS} are listed.
 */
final class StatePanel {
    static final int MAX_EVENTS = 200;
    private static final List<String> FIELDS = List.of("Resource", "TimeoutSeconds", "HeartbeatSeconds", "InputPath",
            "Parameters", "Arguments", "ItemsPath", "ItemSelector", "ResultSelector", "ResultPath", "OutputPath",
            "Output", "Assign", "Retry", "Catch");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern CHILD = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:execution:[^\"\\\\\\s]+");

    private StatePanel() {}

    static String render(ConsoleService service, ExecutionView view, String state, java.time.Instant now) {
        Optional<JsonNode> definition = StateEvents.find(readTree(view.definition()), state);
        StringBuilder html = new StringBuilder("<section class=\"panel\" id=\"state-panel\" aria-labelledby=\"panel-title\">")
                .append("<h2 id=\"panel-title\">State: ").append(esc(state)).append("</h2><p><a href=\"")
                .append(esc(Paths.execution(view.execution().executionArn()))).append("#graph\">Close</a></p>");
        if (definition.isEmpty()) {
            return html.append("<p>The definition has no state of that name.</p></section>").toString();
        }
        StateStatus status = view.statuses().status(state);
        html.append("<dl class=\"summary\">");
        MachinePage.row(html, "Type", definition.get().path("Type").asText());
        MachinePage.row(html, "Status", status.symbol() + " " + status.words());
        var attempts = view.attempts().attempts().stream().filter(a -> a.state().equals(state)).toList();
        if (!attempts.isEmpty()) {
            var lastAttempt = attempts.get(attempts.size() - 1);
            MachinePage.row(html, "Attempts", Integer.toString(attempts.size()));
            MachinePage.row(html, "Last duration", Fmt.duration(lastAttempt.start(), lastAttempt.end(),
                    view.execution().stopDate().orElse(now)));
        }
        html.append("</dl><h3>Definition fields</h3><pre id=\"state-definition\">");
        var fields = JSON.createObjectNode();
        FIELDS.stream().filter(definition.get()::has).forEach(f -> fields.set(f, definition.get().get(f)));
        html.append(esc(fields.toPrettyString())).append("</pre>");
        List<JsonNode> events = StateEvents.of(service, view.execution().executionArn(), state, MAX_EVENTS);
        Optional<JsonNode> input = last(events, "stateEnteredEventDetails", "input");
        Optional<JsonNode> output = last(events, "stateExitedEventDetails", "output");
        html.append("<div class=\"cols\"><section><h3>Last input</h3><pre id=\"state-input\">")
                .append(esc(input.map(i -> MachinePage.pretty(i.asText())).orElse("(none)")))
                .append("</pre></section><section><h3>Last output</h3><pre id=\"state-output\">")
                .append(esc(output.map(o -> MachinePage.pretty(o.asText())).orElse("(none)"))).append("</pre></section></div>");
        html.append(ProcessingSteps.render(service, view.execution().executionArn(), view.definition(), state,
                definition.get(), events));
        List<String> children = children(events);
        if (!children.isEmpty()) {
            html.append("<h3>Child executions</h3><ul id=\"child-executions\">");
            children.forEach(c -> html.append("<li><a href=\"").append(esc(Paths.execution(c))).append("\">").append(esc(c))
                    .append("</a></li>"));
            html.append("</ul>");
        }
        if (status == StateStatus.IN_PROGRESS && definition.get().path("Type").asText().equals("Task")) {
            html.append(TaskAnswerForm.render(view.execution().executionArn(), state, events));
        }
        html.append("<h3>Errors and retries</h3><ul id=\"state-errors\">");
        boolean anyError = false;
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                anyError = true;
                html.append("<li>").append(esc(EventsSection.time(e.path("timestamp")))).append(" ").append(esc(type))
                        .append(": <strong>").append(esc(detail(e, "error"))).append("</strong> ")
                        .append(esc(detail(e, "cause"))).append("</li>");
            }
        }
        html.append(anyError ? "" : "<li>None.</li>").append("</ul><h3>Events</h3><table><thead><tr><th scope=\"col\">ID</th>")
                .append("<th scope=\"col\">Type</th><th scope=\"col\">Time</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        for (JsonNode e : events) {
            html.append("<tr><td>").append(e.path("id").asLong()).append("</td><td>").append(esc(e.path("type").asText()))
                    .append("</td><td>").append(esc(EventsSection.time(e.path("timestamp"))))
                    .append("</td><td><details><summary>JSON</summary><pre>").append(esc(e.toPrettyString()))
                    .append("</pre></details></td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }

    /** Executions a Task started ({@code states:startExecution}, {@code .sync} or not): the ARNs its output names. */
    private static List<String> children(List<JsonNode> events) {
        List<String> arns = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            if (type.equals("TaskSucceeded") || type.equals("TaskSubmitted")) {
                java.util.regex.Matcher m = CHILD.matcher(detail(e, "output"));
                while (m.find()) {
                    if (!arns.contains(m.group())) {
                        arns.add(m.group());
                    }
                }
            }
        }
        return arns;
    }

    private static Optional<JsonNode> last(List<JsonNode> events, String details, String field) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonNode value = events.get(i).path(details).get(field);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String detail(JsonNode event, String field) {
        for (JsonNode details : event) {
            if (details.isObject() && details.has(field)) {
                return details.get(field).asText();
            }
        }
        return "";
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
