package io.flowstate.console.graph;

import io.flowstate.console.graph.Diagram.Box;
import io.flowstate.console.graph.Diagram.Kind;
import io.flowstate.console.graph.Diagram.Line;
import io.flowstate.console.graph.Diagram.Point;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Flow} tree out with ELK's layered algorithm, top to bottom. Each container (a Parallel or Map
 * state, and each of its branches) is laid out as a graph of its own, innermost first, and then placed as one
 * node of the level above (ELK's default "separate children" hierarchy handling); that is enough because ASL
 * edges never cross a container's boundary. Node sizes are estimated from the label's length, as the server has
 * no font metrics: a generous character width keeps labels inside their boxes.
 */
public final class ElkLayout {
    static final double CHAR_WIDTH = 7.5;
    static final double NODE_HEIGHT = 40;
    static final double TITLE = 30;

    static {
        // ELK finds its algorithms through this registry; outside Eclipse nothing registers them for us.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final Map<ElkNode, FlowNode> states = new IdentityHashMap<>();
    private final Map<ElkEdge, FlowEdge> edges = new IdentityHashMap<>();

    private ElkLayout() {}

    /** A small definition with every kind of node and edge, laid out once by {@link #warmUp()}. */
    private static final String WARM_UP = """
            {"StartAt":"Pick","States":{"Pick":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,
              "Next":"Fan"}],"Default":"Each"},
             "Fan":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
               {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":1,"End":true}}}],"Next":"Each",
               "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Oops"}]},
             "Each":{"Type":"Map","ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":
               "arn:aws:lambda:us-east-1:123456789012:function:f","Retry":[{"ErrorEquals":["States.ALL"]}],
               "End":true}}},"End":true},
             "Oops":{"Type":"Fail"}}}""";

    /**
     * Lays a small definition out and throws it away. The first layout in a JVM loads and initialises ELK's and
     * the parser's classes, which costs more than laying out 200 states afterwards (measured on 2 shared cores: a
     * 200-state definition parsed and laid out first in a JVM took 0.8-2.1 s, after this warm-up 0.16-0.3 s); a
     * server calls this in the background at start so that its first graph page does not pay for it.
     */
    public static void warmUp() {
        layout(Flows.of(WARM_UP));
    }

    /** The layout of {@code flow}; one call per diagram, as the instance keeps the mapping of the graph it builds. */
    public static Diagram layout(Flow flow) {
        return new ElkLayout().run(flow);
    }

    private Diagram run(Flow flow) {
        ElkNode root = ElkGraphUtil.createGraph();
        // Right padding leaves room for a Retry loop drawn beside a state at the right edge.
        configure(root, new ElkPadding(12, 24, 12, 12));
        build(flow, root);
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        List<Line> lines = new ArrayList<>();
        List<Box> boxes = place(root, 0, 0, lines);
        return new Diagram(root.getWidth(), root.getHeight(), boxes, lines);
    }

    private static void configure(ElkNode graph, ElkPadding padding) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.PADDING, padding);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
    }

    private void build(Flow flow, ElkNode parent) {
        Map<String, ElkNode> byId = new java.util.HashMap<>();
        for (FlowNode node : flow.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(parent);
            n.setIdentifier(node.id());
            states.put(n, node);
            byId.put(node.id(), n);
            if (node.container()) {
                configure(n, new ElkPadding(TITLE, 10, 10, 10));
                // Branches have no edges between them; as one component they sit side by side, like AWS draws them.
                n.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
                for (Flow child : node.children()) {
                    ElkNode branch = ElkGraphUtil.createNode(n);
                    configure(branch, new ElkPadding(10, 22, 10, 10));
                    build(child, branch);
                }
            } else if (node.role() == FlowNode.Role.STATE) {
                n.setDimensions(Math.max(90, node.id().length() * CHAR_WIDTH + 44), NODE_HEIGHT);
            } else {
                n.setDimensions(60, 26);
            }
        }
        for (FlowEdge edge : flow.edges()) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(byId.get(edge.from()), byId.get(edge.to()));
            edges.put(e, edge);
            if (!edge.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(edge.label(), e);
                label.setDimensions(edge.label().length() * 6.2 + 6, 14);
            }
        }
    }

    /** The boxes inside {@code parent}, whose top left is at ({@code ox}, {@code oy}); collects its edges too. */
    private List<Box> place(ElkNode parent, double ox, double oy, List<Line> lines) {
        for (ElkEdge e : parent.getContainedEdges()) {
            FlowEdge edge = edges.get(e);
            if (edge == null || e.getSections().isEmpty()) {
                continue;
            }
            ElkEdgeSection s = e.getSections().get(0);
            List<Point> points = new ArrayList<>();
            points.add(new Point(ox + s.getStartX(), oy + s.getStartY()));
            s.getBendPoints().forEach(b -> points.add(new Point(ox + b.getX(), oy + b.getY())));
            points.add(new Point(ox + s.getEndX(), oy + s.getEndY()));
            Optional<Point> labelAt = e.getLabels().stream().findFirst()
                    .map(l -> new Point(ox + l.getX(), oy + l.getY() + l.getHeight() - 3));
            lines.add(new Line(edge.from(), edge.to(), edge.kind(), edge.label(), points, labelAt));
        }
        List<Box> boxes = new ArrayList<>();
        for (ElkNode n : parent.getChildren()) {
            double x = ox + n.getX();
            double y = oy + n.getY();
            List<Box> children = place(n, x, y, lines);
            FlowNode node = states.get(n);
            boxes.add(node == null
                    ? new Box(parent.getIdentifier() + "#" + boxes.size(), Kind.BRANCH, "Branch", false, x, y,
                            n.getWidth(), n.getHeight(), children)
                    : new Box(node.id(), kind(node.role()), node.type(), node.retries(), x, y, n.getWidth(),
                            n.getHeight(), children));
        }
        return boxes;
    }

    private static Kind kind(FlowNode.Role role) {
        return switch (role) {
            case STATE -> Kind.STATE;
            case START -> Kind.START;
            case END -> Kind.END;
        };
    }
}
