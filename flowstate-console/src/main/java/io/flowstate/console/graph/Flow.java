package io.flowstate.console.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One level of a state machine's graph: the top-level states, one Parallel branch or one Map's item processor.
 * Container states (Parallel, Map) hold their own flows, so the graph is a tree of flows; edges never leave
 * their flow, because ASL transitions never cross a branch boundary.
 */
public record Flow(List<FlowNode> nodes, List<FlowEdge> edges) {
    public Flow {
        nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
        edges = List.copyOf(requireNonNull(edges, "edges is null"));
    }
}
