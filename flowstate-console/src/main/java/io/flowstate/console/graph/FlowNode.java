package io.flowstate.console.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node of a {@link Flow}: a state (its name is the id, as ASL state names are unique in a whole machine), or
 * the start or end marker of the top level. {@code children} holds a Parallel's branches or a Map's processor.
 */
public record FlowNode(String id, Role role, String type, boolean retries, List<Flow> children) {
    /** What a node stands for; only {@link #STATE} nodes carry a status. */
    public enum Role { STATE, START, END }

    public FlowNode {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(type, "type is null");
        children = List.copyOf(requireNonNull(children, "children is null"));
    }

    /** Whether it holds nested flows (a Parallel or a Map). */
    public boolean container() {
        return !children.isEmpty();
    }
}
