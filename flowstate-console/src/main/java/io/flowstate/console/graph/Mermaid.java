package io.flowstate.console.graph;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A definition's graph as a Mermaid flowchart, for documentation that renders Mermaid (GitHub, many wikis): states
 * as nodes, Parallel branches and Map processors as nested subgraphs, Choice rules and Catch as labelled edges
 * (Catch dotted). Mermaid lays it out itself, so it is not the console's layout, only the same graph.
 */
public final class Mermaid {
    private final StringBuilder out = new StringBuilder("flowchart TD\n");
    private final Map<String, String> ids = new HashMap<>();
    private int next;

    private Mermaid() {}

    /** The Mermaid text of {@code flow}. */
    public static String of(Flow flow) {
        Mermaid m = new Mermaid();
        m.flow(flow, "  ");
        return m.out.toString();
    }

    private void flow(Flow flow, String indent) {
        for (FlowNode node : flow.nodes()) {
            String id = id(node.id());
            if (node.container()) {
                out.append(indent).append("subgraph ").append(id).append("[\"").append(label(node.id()))
                        .append(" (").append(node.type()).append(")\"]\n");
                int branch = 0;
                for (Flow child : node.children()) {
                    String b = id + "_b" + branch++;
                    out.append(indent).append("  subgraph ").append(b).append("[\" \"]\n");
                    flow(child, indent + "    ");
                    out.append(indent).append("  end\n");
                }
                out.append(indent).append("end\n");
            } else {
                String text = label(node.id());
                out.append(indent).append(id).append(switch (node.role()) {
                    case START, END -> "([\"" + node.type() + "\"])";
                    case STATE -> node.type().equals("Choice") ? "{\"" + text + "\"}" : "[\"" + text + "\"]";
                }).append('\n');
            }
        }
        for (FlowEdge edge : flow.edges()) {
            String arrow = edge.kind() == FlowEdge.Kind.CATCH ? "-.->" : "-->";
            out.append(indent).append(id(edge.from())).append(' ').append(arrow);
            if (!edge.label().isEmpty()) {
                out.append("|\"").append(label(edge.label())).append("\"|");
            }
            out.append(' ').append(id(edge.to())).append('\n');
        }
    }

    /** A safe Mermaid id per node: state names may hold spaces, quotes and anything else. */
    private String id(String name) {
        return ids.computeIfAbsent(name, n -> "n" + next++);
    }

    private static String label(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("#quot;");
                case '<' -> s.append("#lt;");
                case '>' -> s.append("#gt;");
                case '#' -> s.append("#35;");
                default -> s.append(c);
            }
        }
        return s.toString().toLowerCase(Locale.ROOT).equals("end") ? s + " " : s.toString();
    }
}
