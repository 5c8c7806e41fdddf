package io.flowstate.console.graph;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.console.graph.Diagram.Box;
import io.flowstate.console.graph.Diagram.Line;
import io.flowstate.console.graph.Diagram.Point;
import io.flowstate.console.status.StateStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Draws a {@link Diagram} as SVG: each state a group {@code <g data-state data-type data-status>} (containers
 * with their branches nested inside), Catch edges dashed, Retry as a loop on the state's right side. Statuses are
 * optional: a state machine's page draws the graph without them. The status shows as a symbol and in the
 * group's title too, not by colour alone.
 */
public final class SvgRenderer {
    private final Optional<Map<String, StateStatus>> statuses;
    private final Function<String, Optional<String>> links;
    private final Optional<String> selected;
    private final StringBuilder out = new StringBuilder(8192);

    private SvgRenderer(Optional<Map<String, StateStatus>> statuses, Function<String, Optional<String>> links,
            Optional<String> selected) {
        this.statuses = statuses;
        this.links = links;
        this.selected = selected;
    }

    /**
     * The SVG of {@code diagram}, with each state's status from {@code statuses} if present, and each state a link
     * to {@code links.apply(stateName)} if that is present; the {@code selected} state is outlined.
     */
    public static String render(Diagram diagram, Optional<Map<String, StateStatus>> statuses,
            Function<String, Optional<String>> links, Optional<String> selected) {
        return new SvgRenderer(statuses, links, selected).svg(diagram);
    }

    private String svg(Diagram d) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" aria-label=\"State machine graph\"")
                .append(" width=\"").append(n(d.width())).append("\" height=\"").append(n(d.height()))
                .append("\" viewBox=\"0 0 ").append(n(d.width())).append(' ').append(n(d.height())).append("\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>");
        d.boxes().forEach(this::box);
        out.append("<g class=\"edges\">");
        d.lines().forEach(this::line);
        out.append("</g></svg>");
        return out.toString();
    }

    private void box(Box b) {
        switch (b.kind()) {
            case START, END -> {
                out.append("<g class=\"marker\"><rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y()))
                        .append("\" width=\"").append(n(b.w())).append("\" height=\"").append(n(b.h()))
                        .append("\" rx=\"13\"/>");
                text(b.x() + b.w() / 2, b.y() + b.h() / 2 + 4, "middle", b.type());
                out.append("</g>");
            }
            case BRANCH -> {
                out.append("<g class=\"branch\">");
                rect(b, 4);
                b.children().forEach(this::box);
                out.append("</g>");
            }
            case STATE -> state(b);
        }
    }

    private void state(Box b) {
        Optional<StateStatus> status = statuses.map(s -> s.getOrDefault(b.id(), StateStatus.NOT_STARTED));
        Optional<String> link = links.apply(b.id());
        link.ifPresent(href -> out.append("<a href=\"").append(esc(href)).append("\">"));
        out.append("<g class=\"state").append(b.children().isEmpty() ? "" : " container")
                .append(selected.filter(b.id()::equals).isPresent() ? " selected" : "")
                .append("\" data-state=\"").append(esc(b.id())).append("\" data-type=\"").append(esc(b.type())).append('"');
        status.ifPresent(s -> out.append(" data-status=\"").append(s.name()).append('"'));
        out.append("><title>").append(esc(b.id())).append(" (").append(esc(b.type())).append(')')
                .append(status.map(s -> ": " + s.words()).orElse("")).append(b.retries() ? ", with Retry" : "")
                .append("</title>");
        rect(b, 6);
        String label = status.map(s -> s.symbol() + " ").orElse("") + b.id();
        if (b.children().isEmpty()) {
            text(b.x() + b.w() / 2, b.y() + b.h() / 2 + 4, "middle", label);
        } else {
            text(b.x() + 10, b.y() + 19, "start", label + "  \u00B7 " + b.type());
        }
        if (b.retries()) {
            double x = b.x() + b.w();
            double y = b.y() + Math.min(12, b.h() / 4);
            out.append("<path class=\"retry\" marker-end=\"url(#arrow)\" d=\"M").append(n(x)).append(',').append(n(y))
                    .append(" c 16,0 16,16 1,16\"><title>Retry</title></path>");
        }
        b.children().forEach(this::box);
        out.append("</g>");
        link.ifPresent(href -> out.append("</a>"));
    }

    private void rect(Box b, int radius) {
        out.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.w())).append("\" height=\"").append(n(b.h())).append("\" rx=\"").append(radius).append("\"/>");
    }

    private void text(double x, double y, String anchor, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(esc(text)).append("</text>");
    }

    private void line(Line l) {
        out.append("<path class=\"edge ").append(l.kind().name().toLowerCase(Locale.ROOT))
                .append("\" marker-end=\"url(#arrow)\" d=\"");
        char cmd = 'M';
        for (Point p : l.points()) {
            out.append(cmd).append(n(p.x())).append(',').append(n(p.y())).append(' ');
            cmd = 'L';
        }
        out.append("\"/>");
        l.labelAt().ifPresent(p -> {
            out.append("<text class=\"edge-label\" x=\"").append(n(p.x())).append("\" y=\"").append(n(p.y()))
                    .append("\">").append(esc(l.label())).append("</text>");
        });
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
