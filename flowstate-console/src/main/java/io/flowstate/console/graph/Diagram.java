package io.flowstate.console.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A laid-out graph in absolute coordinates (pixels, origin top left): nested boxes and the edges between them.
 * It holds no status: one layout serves every execution of a definition, which is what makes it cacheable.
 */
public record Diagram(double width, double height, List<Box> boxes, List<Line> lines) {
    public Diagram {
        boxes = List.copyOf(requireNonNull(boxes, "boxes is null"));
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
    }

    /** What a box stands for: a state, the start or end marker, or a Parallel branch or Map processor frame. */
    public enum Kind { STATE, START, END, BRANCH }

    /** A placed node; {@code children} are the boxes drawn inside it (branches of a Parallel, states of a branch). */
    public record Box(String id, Kind kind, String type, boolean retries, double x, double y, double w, double h,
            List<Box> children) {
        public Box {
            requireNonNull(id, "id is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(type, "type is null");
            children = List.copyOf(requireNonNull(children, "children is null"));
        }
    }

    /** A point in the diagram. */
    public record Point(double x, double y) {}

    /** A routed edge: its kind, its label (empty for none) drawn at {@code labelAt}, and its bend points. */
    public record Line(String from, String to, FlowEdge.Kind kind, String label, List<Point> points,
            Optional<Point> labelAt) {
        public Line {
            points = List.copyOf(requireNonNull(points, "points is null"));
            requireNonNull(labelAt, "labelAt is null");
        }
    }
}
