package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;
import static io.flowstate.console.web.MachinePage.pretty;
import static io.flowstate.console.web.MachinePage.row;

import io.flowstate.api.model.DescribeExecution;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.DiagramCache;
import java.time.Instant;
import java.util.Optional;

/**
 * An execution's page: summary, error banner, graph with statuses, actions, input and output, and its history.
 * While the execution runs, the summary and the graph sit in a {@code live} block that htmx reloads every two
 * seconds; once the execution has ended the fragment's answer asks for a full reload (HX-Refresh), and the new
 * page has no polling, so updates stop by themselves.
 */
final class ExecutionPage {
    private ExecutionPage() {}

    /** The page's parameters: history query, the state whose panel is open, the Map iteration, a notice. */
    record Query(EventsSection.Query events, Optional<String> state, Optional<String> iteration, Optional<String> notice) {}

    static String render(ConsoleService service, DiagramCache diagrams, String arn, Query query, Instant now) {
        ExecutionView view = ExecutionView.load(service, diagrams, arn, query.iteration());
        Optional<String> notice = query.notice();
        Optional<String> state = query.state();
        EventsSection.Query events = query.events();
        DescribeExecution.Response e = view.execution();
        StringBuilder html = new StringBuilder("<p><a href=\"").append(Paths.ROOT).append("\">State machines</a> / <a href=\"")
                .append(esc(Paths.machine(e.stateMachineArn()))).append("\">").append(esc(view.machineName()))
                .append("</a> /</p><h1>").append(esc(e.name())).append("</h1>");
        notice.ifPresent(n -> html.append("<p class=\"banner ok\" role=\"status\">").append(esc(n)).append("</p>"));
        if (e.error().isPresent() || e.cause().isPresent()) {
            html.append("<div class=\"banner error\" role=\"alert\" id=\"error-banner\"><strong>")
                    .append(esc(e.error().orElse(""))).append("</strong>");
            view.statuses().failingState().ifPresent(s -> html.append(" in state <a id=\"failing-state\" href=\"")
                    .append(esc(Paths.execution(arn))).append("?state=").append(Paths.query(s)).append("#state-panel\">")
                    .append(esc(s)).append("</a>"));
            e.cause().ifPresent(c -> html.append("<pre>").append(esc(c)).append("</pre>"));
            html.append("</div>");
        }
        html.append(live(view, arn, query.iteration(), now));
        state.ifPresent(name -> html.append(StatePanel.render(service, view, name, now)));
        html.append(actions(e));
        html.append("<div class=\"cols\"><section><h2>Input</h2><pre id=\"input\">").append(esc(pretty(e.input().orElse(""))))
                .append("</pre></section><section><h2>Output</h2><pre id=\"output\">")
                .append(esc(e.output().map(MachinePage::pretty).orElse(view.running() ? "(running)" : "(none)")))
                .append("</pre></section></div>");
        html.append(MapRunPage.section(service, arn));
        html.append(AttemptsTable.render(arn, view.attempts(), e.startDate(), e.stopDate().orElse(now)));
        html.append(EventsSection.render(service, arn, events));
        return Page.of(e.name(), html.toString());
    }

    /** The block that reloads itself while the execution runs: summary and graph. */
    static String live(ExecutionView view, String arn, Optional<String> iteration, Instant now) {
        String self = Paths.execution(arn);
        String it = iteration.map(i -> "&iteration=" + Paths.query(i)).orElse("");
        DescribeExecution.Response e = view.execution();
        StringBuilder html = new StringBuilder("<div id=\"live\"");
        if (view.running()) {
            html.append(" hx-get=\"").append(esc(self + "?fragment=live" + it)).append("\" hx-trigger=\"every 2s\"")
                    .append(" hx-swap=\"outerHTML\" aria-live=\"polite\"");
        }
        html.append("><dl class=\"summary\"><dt>Status</dt><dd><span class=\"status ").append(esc(e.status()))
                .append("\" id=\"execution-status\">").append(esc(e.status())).append("</span></dd>");
        row(html, "ARN", e.executionArn());
        row(html, "Started", Fmt.time(e.startDate()));
        row(html, "Stopped", Fmt.time(e.stopDate()));
        row(html, "Duration", Fmt.duration(e.startDate(), e.stopDate(), now));
        row(html, "State transitions", Long.toString(view.statuses().transitions()));
        e.redriveCount().filter(c -> c > 0).ifPresent(c -> row(html, "Redrives", c + " (last " + Fmt.time(e.redriveDate()) + ")"));
        e.redriveStatus().ifPresent(s -> row(html, "Redrive", s));
        e.stateMachineVersionArn().ifPresent(v -> row(html, "Version", v));
        e.stateMachineAliasArn().ifPresent(a -> row(html, "Alias", a));
        parent(e).ifPresent(p -> html.append("<dt>Parent</dt><dd><a id=\"parent-execution\" href=\"")
                .append(esc(Paths.execution(p))).append("\">").append(esc(p)).append("</a></dd>"));
        if (!view.children().arns().isEmpty()) {
            html.append("<dt>Child executions</dt><dd><ul class=\"children\" id=\"child-executions-summary\">");
            view.children().arns().forEach(c -> html.append("<li><a href=\"").append(esc(Paths.execution(c))).append("\">")
                    .append(esc(c.substring(c.lastIndexOf(':') + 1))).append("</a></li>"));
            if (view.children().more() > 0) {
                html.append("<li>and ").append(view.children().more()).append(" more (see the Tasks' panels)</li>");
            }
            html.append("</ul></dd>");
        }
        e.mapRunArn().ifPresent(m -> html.append("<dt>Map Run</dt><dd><a href=\"").append(esc(MapRunPage.mapRun(m)))
                .append("\">").append(esc(m)).append("</a></dd>"));
        html.append("</dl><h2>Graph</h2>").append(GraphSection.render(view.diagram(),
                Optional.of(view.statuses().statuses()),
                name -> Optional.of(self + "?state=" + Paths.query(name) + it + "#state-panel"),
                view.statuses().failingState()));
        if (view.definition().contains("\"Map\"")) {
            html.append("<form class=\"filters\" method=\"get\" action=\"").append(esc(self)).append("#graph\">")
                    .append("<label>Map iteration (e.g. 2, or 2/0 inside a nested Map)<input name=\"iteration\" id=\"iteration\"")
                    .append(" pattern=\"[0-9]+(/[0-9]+)*\" value=\"").append(esc(iteration.orElse("")))
                    .append("\"></label><button type=\"submit\" id=\"iteration-show\">Show iteration</button> <a href=\"")
                    .append(esc(self)).append("#graph\">All iterations</a></form>");
        }
        html.append("<p><a id=\"export-svg\" href=\"").append(esc(Paths.execution(arn)))
                .append("?download=svg\" download=\"graph.svg\">Export the graph as SVG</a></p>");
        return html.append("</div>").toString();
    }

    /**
     * The execution that started this one: AWS's convention is the {@code AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID}
     * field a parent passes in the input (from {@code $$.Execution.Id}); the history holds no other link.
     */
    static Optional<String> parent(DescribeExecution.Response e) {
        try {
            var input = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.input().orElse("{}"));
            return Optional.ofNullable(input.path("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").textValue())
                    .filter(arn -> arn.startsWith("arn:"));
        } catch (java.io.IOException ex) {
            return Optional.empty();
        }
    }

    private static String actions(DescribeExecution.Response e) {
        StringBuilder html = new StringBuilder("<h2>Actions</h2><p class=\"actions\">");
        String self = esc(Paths.execution(e.executionArn()));
        if (e.status().equals("RUNNING")) {
            html.append("<form class=\"inline\" method=\"post\" action=\"").append(self).append("\">")
                    .append("<input type=\"hidden\" name=\"action\" value=\"stop\">")
                    .append("<button class=\"danger\" id=\"stop-button\" type=\"submit\">Stop execution</button></form> ");
        }
        if (e.redriveStatus().orElse("").equals("REDRIVABLE")) {
            html.append("<form class=\"inline\" method=\"post\" action=\"").append(self).append("\">")
                    .append("<input type=\"hidden\" name=\"action\" value=\"redrive\">")
                    .append("<button id=\"redrive-button\" type=\"submit\">Redrive</button></form> ");
        }
        html.append("<form class=\"inline\" method=\"post\" action=\"").append(esc(Paths.machine(e.stateMachineArn())))
                .append("\"><input type=\"hidden\" name=\"action\" value=\"start\"><input type=\"hidden\" name=\"input\" value=\"")
                .append(esc(e.input().orElse("{}"))).append("\"><button id=\"rerun-button\" type=\"submit\">")
                .append("New execution with the same input</button></form>");
        return html.append("</p>").toString();
    }
}
