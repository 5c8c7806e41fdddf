package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.api.model.ExecutionListItem;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.console.ConsoleService;
import io.flowstate.engine.interp.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The executions of a state machine, version or alias: newest first, pages of 100, filtered by status (the API's
 * own filter, PENDING_REDRIVE included) and by a part of the name. ListExecutions has no name filter, so that
 * one reads the API's pages until 100 match; the next-page link carries the API's token where it stopped.
 */
final class ExecutionsTable {
    static final int PAGE = 100;

    private ExecutionsTable() {}

    static String render(ConsoleService service, String arn, Optional<String> status, Optional<String> name,
            Optional<String> token, Instant now) {
        Optional<ExecutionStatus> filter = status.filter(s -> !s.isEmpty()).map(s -> ExecutionStatus.valueOf(s));
        Optional<String> part = name.map(String::trim).filter(s -> !s.isEmpty());
        List<ExecutionListItem> rows = new ArrayList<>();
        Optional<String> next = token;
        do {
            ListExecutions.Response page = service.executions(arn, filter, PAGE, next);
            page.executions().stream()
                    .filter(e -> part.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(part.get().toLowerCase(Locale.ROOT)))
                    .forEach(rows::add);
            next = page.nextToken();
        } while (part.isPresent() && rows.size() < PAGE && next.isPresent());
        String self = Paths.machine(arn);
        StringBuilder html = new StringBuilder("<h2 id=\"executions\">Executions</h2>");
        html.append("<form class=\"filters\" method=\"get\" action=\"").append(esc(self)).append("#executions\">")
                .append("<label>Status<select name=\"status\"><option value=\"\">All</option>");
        for (ExecutionStatus s : ExecutionStatus.values()) {
            html.append("<option").append(filter.orElse(null) == s ? " selected" : "").append('>').append(s.name())
                    .append("</option>");
        }
        html.append("</select></label><label>Name contains<input name=\"name\" value=\"")
                .append(esc(part.orElse(""))).append("\"></label><button type=\"submit\">Filter</button> ")
                .append("<a id=\"failed-filter\" href=\"").append(esc(self)).append("?status=FAILED#executions\">Failed only</a> ")
                .append("<a href=\"").append(esc(self)).append("#executions\">Clear</a></form>");
        if (rows.isEmpty()) {
            return html.append("<p>No executions match.</p>").toString();
        }
        html.append("<table id=\"executions-table\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Status</th>"
                + "<th scope=\"col\">Started</th><th scope=\"col\">Stopped</th><th scope=\"col\">Duration</th>"
                + "<th scope=\"col\">Redrives</th></tr></thead><tbody>");
        for (ExecutionListItem e : rows) {
            html.append("<tr data-execution=\"").append(esc(e.name())).append("\"><td><a href=\"")
                    .append(esc(Paths.execution(e.executionArn()))).append("\">").append(esc(e.name()))
                    .append("</a></td><td><span class=\"status ").append(esc(e.status())).append("\">")
                    .append(esc(e.status())).append("</span></td><td>").append(Fmt.time(e.startDate()))
                    .append("</td><td>").append(Fmt.time(e.stopDate())).append("</td><td>")
                    .append(Fmt.duration(e.startDate(), e.stopDate(), now)).append("</td><td>")
                    .append(e.redriveCount().orElse(0)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (next.isPresent()) {
            html.append("<p class=\"pager\"><a rel=\"next\" href=\"").append(esc(self)).append("?status=")
                    .append(filter.map(Enum::name).orElse("")).append("&name=").append(Paths.query(part.orElse("")))
                    .append("&page=").append(Paths.query(next.get())).append("#executions\">Next ")
                    .append(PAGE).append(" \u2192</a></p>");
        }
        return html.toString();
    }
}
