package io.flowstate.console.graph;

import io.flowstate.console.status.StateStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A graph as an SVG file of its own, for documentation and the console's export: the page's drawing rules are
 * embedded as a {@code <style>}, so the file looks the same outside the console.
 */
public final class StandaloneSvg {
    private StandaloneSvg() {}

    /** The SVG document of {@code diagram}, with statuses if given. */
    public static String of(Diagram diagram, Optional<Map<String, StateStatus>> statuses) {
        String svg = SvgRenderer.render(diagram, statuses, name -> Optional.empty(), Optional.empty());
        int endOfTag = svg.indexOf('>') + 1;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.substring(0, endOfTag)
                + "<style>svg.graph { background: #ffffff; } " + css() + "</style>" + svg.substring(endOfTag) + "\n";
    }

    private static String css() {
        try (InputStream in = StandaloneSvg.class.getClassLoader().getResourceAsStream("io/flowstate/console/graph.css")) {
            if (in == null) {
                throw new IllegalStateException("graph.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
