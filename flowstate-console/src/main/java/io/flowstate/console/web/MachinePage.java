package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.api.model.AliasListItem;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.VersionListItem;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.DiagramCache;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A state machine's (or version's, or alias's) page: summary, graph, start form, executions, versions and aliases,
 * and the definition. {@code startError} and {@code input} re-show a start that the service refused.
 */
final class MachinePage {
    private MachinePage() {}

    record Query(Optional<String> status, Optional<String> name, Optional<String> page) {}

    static String render(ConsoleService service, DiagramCache diagrams, String arn, Query query,
            Optional<String> startError, Optional<String> input, Instant now) {
        DescribeStateMachine.Response m = service.machine(arn);
        StringBuilder html = new StringBuilder("<p><a href=\"").append(Paths.ROOT).append("\">State machines</a> / </p>")
                .append("<h1>").append(esc(m.name())).append("</h1><dl class=\"summary\">");
        row(html, "ARN", m.stateMachineArn());
        row(html, "Type", m.type());
        row(html, "Status", m.status().orElse("ACTIVE"));
        row(html, "Created", Fmt.time(m.creationDate()));
        row(html, "Role", m.roleArn());
        m.revisionId().ifPresent(r -> row(html, "Revision", r));
        m.description().ifPresent(d -> row(html, "Description", d));
        html.append("</dl>");
        String definition = m.definition().orElse("{}");
        html.append("<h2>Graph</h2>");
        try {
            html.append(GraphSection.render(diagrams.diagram(definition), Optional.empty(), name -> Optional.empty(),
                    Optional.empty()));
            html.append("<p><a id=\"export-svg\" href=\"").append(esc(Paths.machine(arn)))
                    .append("?download=svg\" download=\"graph.svg\">Export the graph as SVG</a></p>");
        } catch (IllegalArgumentException e) {
            html.append("<p class=\"banner error\">").append(esc(e.getMessage())).append("</p>");
        }
        html.append(startForm(arn, startError, input));
        try {
            html.append(ExecutionsTable.render(service, arn, query.status(), query.name(), query.page(), now));
        } catch (io.flowstate.api.ApiException e) {
            // Express machines keep no list of executions (ListExecutions refuses them, as on AWS).
            html.append("<h2 id=\"executions\">Executions</h2><p>").append(esc(e.code())).append(": ")
                    .append(esc(e.getMessage())).append("</p>");
        }
        versionsAndAliases(service, arn, html);
        html.append("<h2>Definition</h2><pre id=\"definition\">").append(esc(pretty(definition))).append("</pre>");
        return Page.of(m.name(), html.toString());
    }

    private static void versionsAndAliases(ConsoleService service, String arn, StringBuilder html) {
        List<VersionListItem> versions;
        List<AliasListItem> aliases;
        try {
            versions = service.versions(arn).stateMachineVersions();
            aliases = service.aliases(arn).stateMachineAliases();
        } catch (io.flowstate.api.ApiException e) {
            return; // a version or alias ARN has no versions of its own
        }
        html.append("<h2>Versions</h2>");
        if (versions.isEmpty()) {
            html.append("<p>No published versions.</p>");
        } else {
            html.append("<ul>");
            versions.forEach(v -> link(html, v.stateMachineVersionArn(), v.creationDate()));
            html.append("</ul>");
        }
        html.append("<h2>Aliases</h2>");
        if (aliases.isEmpty()) {
            html.append("<p>No aliases.</p>");
        } else {
            html.append("<ul>");
            aliases.forEach(a -> link(html, a.stateMachineAliasArn(), a.creationDate()));
            html.append("</ul>");
        }
    }

    private static void link(StringBuilder html, String arn, Instant created) {
        html.append("<li><a href=\"").append(esc(Paths.machine(arn))).append("\">").append(esc(arn))
                .append("</a> (created ").append(Fmt.time(created)).append(")</li>");
    }

    static String startForm(String arn, Optional<String> error, Optional<String> input) {
        StringBuilder html = new StringBuilder("<h2 id=\"start\">Start an execution</h2>");
        error.ifPresent(e -> html.append("<p class=\"banner error\" role=\"alert\" id=\"start-error\">").append(esc(e))
                .append("</p>"));
        html.append("<form method=\"post\" action=\"").append(esc(Paths.machine(arn))).append("\" id=\"start-form\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"start\">")
                .append("<p><label>Name (optional) <input name=\"execution-name\" id=\"execution-name\" maxlength=\"80\"></label></p>")
                .append("<p><label for=\"input\">Input (JSON)</label><textarea id=\"input\" name=\"input\" rows=\"6\">")
                .append(esc(input.orElse("{}"))).append("</textarea></p>")
                .append("<button type=\"submit\" id=\"start-button\">Start execution</button></form>");
        return html.toString();
    }

    static void row(StringBuilder html, String term, String value) {
        html.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    static String pretty(String json) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
