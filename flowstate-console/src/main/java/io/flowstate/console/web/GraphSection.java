package io.flowstate.console.web;

import io.flowstate.console.graph.Diagram;
import io.flowstate.console.graph.SvgRenderer;
import io.flowstate.console.status.StateStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The graph with its legend; the legend lists statuses only when the graph shows them. */
final class GraphSection {
    private GraphSection() {}

    static String render(Diagram diagram, Optional<Map<String, StateStatus>> statuses,
            Function<String, Optional<String>> links, Optional<String> selected) {
        StringBuilder html = new StringBuilder("<div class=\"graph-wrap\" id=\"graph\">")
                .append(SvgRenderer.render(diagram, statuses, links, selected)).append("</div><ul class=\"legend\" aria-label=\"Legend\">");
        if (statuses.isPresent()) {
            for (StateStatus s : StateStatus.values()) {
                html.append("<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\" class=\"graph\"><g data-status=\"")
                        .append(s.name()).append("\"><rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" rx=\"3\"/></g></svg> ")
                        .append(s.symbol()).append(' ').append(s.words()).append("</li>");
            }
        }
        html.append("<li>\u2192 Next</li><li><span style=\"color:#b00020\">- - \u2192</span> Catch</li>"
                + "<li><span style=\"color:#a35c00\">\u21BB</span> Retry</li><li>\u22EF Default of a Choice</li></ul>");
        return html.toString();
    }
}
