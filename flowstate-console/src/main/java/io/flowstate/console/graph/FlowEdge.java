package io.flowstate.console.graph;

import static java.util.Objects.requireNonNull;

/** A transition between two nodes of one {@link Flow}; {@code label} is empty when the edge has none. */
public record FlowEdge(String from, String to, Kind kind, String label) {
    /** Next or End, a Choice rule or its Default, and a Catch (drawn dashed). */
    public enum Kind { NEXT, CHOICE, DEFAULT, CATCH }

    public FlowEdge {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(label, "label is null");
    }
}
