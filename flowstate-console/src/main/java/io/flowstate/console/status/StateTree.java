package io.flowstate.console.status;

import io.flowstate.console.graph.Flow;
import io.flowstate.console.graph.FlowNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states of a definition with their types and enclosing containers, read from its {@link Flow} tree: what
 * status derivation needs to know of the definition (which states are Parallel or Map, what lies inside them).
 */
public final class StateTree {
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();

    /** The tree of {@code top}'s states. */
    public StateTree(Flow top) {
        add(top, null);
    }

    private void add(Flow flow, String parent) {
        for (FlowNode node : flow.nodes()) {
            if (node.role() != FlowNode.Role.STATE) {
                continue;
            }
            types.put(node.id(), node.type());
            if (parent != null) {
                parents.put(node.id(), parent);
            }
            node.children().forEach(child -> add(child, node.id()));
        }
    }

    /** Every state's name. */
    public List<String> names() {
        return new ArrayList<>(types.keySet());
    }

    /** The type of state {@code name} ("Task", "Map"...), if the definition has it. */
    public Optional<String> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Whether {@code ancestor} is a container that holds {@code name}, directly or through nested containers. */
    public boolean inside(String name, String ancestor) {
        for (String p = parents.get(name); p != null; p = parents.get(p)) {
            if (p.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} runs inside a Map's item processor, where it runs once per item. */
    public boolean insideMap(String name) {
        for (String p = parents.get(name); p != null; p = parents.get(p)) {
            if ("Map".equals(types.get(p))) {
                return true;
            }
        }
        return false;
    }
}
