package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.ExecutionListItem;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.api.model.MapRunListItem;
import io.flowstate.console.ConsoleService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Distributed Map's run ({@code /console/map-runs/{mapRunArn}}): DescribeMapRun's settings, item and execution
 * counts and redrive information, and its child executions, 100 a page. The children run inside the parent
 * execution, so they are listed without pages of their own.
 */
final class MapRunPage {
    private MapRunPage() {}

    static String render(ConsoleService service, String arn, Optional<String> token, Instant now) {
        DescribeMapRun.Response run = service.mapRun(arn);
        StringBuilder html = new StringBuilder("<p><a href=\"").append(Paths.ROOT).append("\">State machines</a> / <a href=\"")
                .append(esc(Paths.execution(run.executionArn()))).append("\">parent execution</a> /</p>")
                .append("<h1>Map Run</h1><dl class=\"summary\"><dt>Status</dt><dd><span class=\"status ")
                .append(esc(run.status())).append("\" id=\"map-run-status\">").append(esc(run.status())).append("</span></dd>");
        MachinePage.row(html, "ARN", run.mapRunArn());
        MachinePage.row(html, "Started", Fmt.time(run.startDate()));
        MachinePage.row(html, "Stopped", Fmt.time(run.stopDate()));
        MachinePage.row(html, "Duration", Fmt.duration(run.startDate(), run.stopDate(), now));
        MachinePage.row(html, "Max concurrency", Integer.toString(run.maxConcurrency()));
        MachinePage.row(html, "Tolerated failures", run.toleratedFailurePercentage() + " % or " + run.toleratedFailureCount());
        MachinePage.row(html, "Redrives", run.redriveCount() + run.redriveDate().map(d -> " (last " + Fmt.time(d) + ")").orElse(""));
        html.append("</dl><div class=\"cols\"><section><h2>Items</h2>").append(counts(run.itemCounts(), "item-counts"))
                .append("</section><section><h2>Child executions</h2>").append(counts(run.executionCounts(), "execution-counts"))
                .append("</section></div><h2>Child executions</h2>");
        ListExecutions.Response page = service.mapRunExecutions(arn, 100, token);
        html.append("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Status</th><th scope=\"col\">Started</th>")
                .append("<th scope=\"col\">Stopped</th><th scope=\"col\">Duration</th></tr></thead><tbody>");
        for (ExecutionListItem e : page.executions()) {
            // A child is an execution to the API (DescribeExecution, GetExecutionHistory): its page shows it.
            html.append("<tr><td><a href=\"").append(esc(Paths.execution(e.executionArn()))).append("\">")
                    .append(esc(e.name())).append("</a></td><td><span class=\"status ").append(esc(e.status()))
                    .append("\">").append(esc(e.status())).append("</span></td><td>").append(Fmt.time(e.startDate()))
                    .append("</td><td>").append(Fmt.time(e.stopDate())).append("</td><td>")
                    .append(Fmt.duration(e.startDate(), e.stopDate(), now)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        page.nextToken().ifPresent(t -> html.append("<p class=\"pager\"><a rel=\"next\" href=\"")
                .append(esc(mapRun(arn))).append("?page=").append(Paths.query(t)).append("\">Next 100 \u2192</a></p>"));
        return Page.of("Map Run", html.toString());
    }

    /** The Map Runs section of an execution's page; empty when it started none. */
    static String section(ConsoleService service, String executionArn) {
        List<MapRunListItem> runs = service.mapRuns(executionArn).mapRuns();
        if (runs.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"map-runs\">Map Runs</h2><ul>");
        runs.forEach(r -> html.append("<li><a href=\"").append(esc(mapRun(r.mapRunArn()))).append("\">")
                .append(esc(r.mapRunArn())).append("</a> (started ").append(Fmt.time(r.startDate())).append(")</li>"));
        return html.append("</ul>").toString();
    }

    static String mapRun(String arn) {
        return Paths.ROOT + "map-runs/" + Paths.encode(arn);
    }

    private static String counts(JsonNode counts, String id) {
        StringBuilder html = new StringBuilder("<table id=\"").append(id).append("\"><tbody>");
        for (Map.Entry<String, JsonNode> e : counts.properties()) {
            html.append("<tr><th scope=\"row\">").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue().asText()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
