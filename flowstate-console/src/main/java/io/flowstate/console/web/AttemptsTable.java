package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.console.status.StateAttempts;
import io.flowstate.console.status.StateAttempts.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The table view: one row per state attempt, with its start offset from the execution's start, its duration and
 * a timeline bar scaled to the whole execution; each state's name opens its panel.
 */
final class AttemptsTable {
    private AttemptsTable() {}

    static String render(String executionArn, StateAttempts attempts, Instant start, Instant end) {
        List<Attempt> rows = attempts.attempts();
        StringBuilder html = new StringBuilder("<h2 id=\"table-view\">State attempts</h2>");
        if (rows.isEmpty()) {
            return html.append("<p>No state has been entered yet.</p>").toString();
        }
        double total = Math.max(1, Duration.between(start, end).toMillis());
        html.append("<table id=\"attempts-table\"><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">Result</th><th scope=\"col\">Start offset</th><th scope=\"col\">Duration</th>")
                .append("<th scope=\"col\" style=\"width:30%\">Timeline</th></tr></thead><tbody>");
        for (Attempt a : rows) {
            long offset = Math.max(0, Duration.between(start, a.start()).toMillis());
            long length = Math.max(0, Duration.between(a.start(), a.end().orElse(end)).toMillis());
            String result = a.end().isPresent() ? a.error().map(e -> "exited after error " + e).orElse("exited")
                    : a.error().map(e -> "failed: " + e).orElse("did not exit");
            html.append("<tr data-attempt=\"").append(esc(a.state())).append("\"><td><a href=\"")
                    .append(esc(Paths.execution(executionArn))).append("?state=").append(Paths.query(a.state()))
                    .append("#state-panel\">").append(esc(a.state())).append("</a></td><td>").append(esc(a.type()))
                    .append("</td><td>").append(esc(result)).append("</td><td>+").append(offset).append(" ms</td><td>")
                    .append(Fmt.duration(a.start(), a.end(), end)).append("</td><td><div class=\"bar\"><span style=\"")
                    .append(String.format(Locale.ROOT, "margin-left:%.2f%%;width:%.2f%%", 100 * offset / total,
                            Math.max(0.5, 100 * length / total)))
                    .append("\"></span></div></td></tr>");
        }
        html.append("</tbody></table>");
        if (attempts.truncated()) {
            html.append("<p>Only the first ").append(ExecutionView.MAX_ATTEMPTS).append(" attempts are shown.</p>");
        }
        return html.toString();
    }
}
