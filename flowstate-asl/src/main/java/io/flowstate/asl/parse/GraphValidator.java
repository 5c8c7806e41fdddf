package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph rules of one (possibly nested) state machine, checked on the raw JSON so they hold even where a state
 * failed to parse: every transition names a state of the same machine; some state ends the machine; every state
 * is reachable from StartAt. As AWS does, a machine without a terminal state is not also reported for its
 * unreachable states, and every dangling target says 'Next' whatever field it sits in.
 */
final class GraphValidator {
    private record Edge(String target, String location) {}

    private GraphValidator() {}

    static void validate(ObjectNode states, Optional<String> startAt, String location, Diagnostics out) {
        String statesAt = Diagnostics.child(location, "States");
        Map<String, List<Edge>> edges = new LinkedHashMap<>();
        boolean anyTerminal = false;
        for (Map.Entry<String, JsonNode> e : states.properties()) {
            String at = Diagnostics.child(statesAt, e.getKey());
            edges.put(e.getKey(), edges(e.getValue(), at));
            anyTerminal |= isTerminal(e.getValue());
        }
        if (startAt.isPresent() && !states.has(startAt.get())) {
            out.error(Codes.MISSING_TRANSITION_TARGET, Messages.missingNextTarget(startAt.get()),
                    Diagnostics.child(location, "StartAt"));
        }
        for (List<Edge> list : edges.values()) {
            for (Edge edge : list) {
                if (!states.has(edge.target())) {
                    out.error(Codes.MISSING_TRANSITION_TARGET, Messages.missingNextTarget(edge.target()),
                            edge.location());
                }
            }
        }
        if (!anyTerminal && !states.isEmpty()) {
            out.add(Diagnostic.error(Codes.MISSING_END_STATE, Messages.noTerminalState()));
            return;
        }
        Set<String> reached = reachable(startAt.filter(states::has), edges);
        for (String name : edges.keySet()) {
            if (!reached.contains(name)) {
                out.error(Codes.MISSING_TRANSITION_TARGET, Messages.unreachable(name),
                        Diagnostics.child(statesAt, name));
            }
        }
    }

    private static Set<String> reachable(Optional<String> start, Map<String, List<Edge>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        start.ifPresent(todo::add);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (seen.add(s)) {
                for (Edge e : edges.getOrDefault(s, List.of())) {
                    if (edges.containsKey(e.target())) {
                        todo.push(e.target());
                    }
                }
            }
        }
        return seen;
    }

    private static boolean isTerminal(JsonNode state) {
        JsonNode type = state.path("Type");
        return state.path("End").asBoolean(false) && state.path("End").isBoolean()
                || "Succeed".equals(type.asText()) || "Fail".equals(type.asText());
    }

    /** The transitions of a state, in document order. */
    private static List<Edge> edges(JsonNode state, String at) {
        List<Edge> out = new ArrayList<>();
        if (!state.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> field : state.properties()) {
            switch (field.getKey()) {
                case "Next", "Default" -> target(state, field.getKey(), at, out);
                case "Choices", "Catch" -> {
                    JsonNode arr = field.getValue();
                    for (int i = 0; i < arr.size() && arr.isArray(); i++) {
                        target(arr.get(i), "Next", Diagnostics.index(Diagnostics.child(at, field.getKey()), i), out);
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static void target(JsonNode node, String field, String at, List<Edge> out) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            out.add(new Edge(v.textValue(), Diagnostics.child(at, field)));
        }
    }
}
