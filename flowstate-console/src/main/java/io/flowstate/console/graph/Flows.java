package io.flowstate.console.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.console.graph.FlowEdge.Kind;
import io.flowstate.console.graph.FlowNode.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Flow} tree of an ASL definition from its JSON. It reads the JSON directly rather than the
 * parsed model because the console must draw any stored definition, and only needs the transitions: states,
 * Next/End, Choice rules and Default, Catch, Retry, Parallel Branches and Map's ItemProcessor (or Iterator).
 * Transitions to states that do not exist are left out rather than failing the page.
 */
public final class Flows {
    /** The id of the top level's start marker; no state can be named so (names are at most 80 characters of text). */
    public static final String START = "\u25B6start";
    /** The id of the top level's end marker. */
    public static final String END = "\u25A0end";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Flows() {}

    /** The top-level flow of {@code definition} (ASL JSON); throws {@link IllegalArgumentException} if it is not JSON. */
    public static Flow of(String definition) {
        JsonNode root;
        try {
            root = JSON.readTree(definition);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the definition is not JSON: " + e.getMessage(), e);
        }
        return flow(root, true);
    }

    private static Flow flow(JsonNode machine, boolean top) {
        JsonNode states = machine.path("States");
        Set<String> names = new LinkedHashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        List<FlowNode> nodes = new ArrayList<>();
        List<FlowEdge> edges = new ArrayList<>();
        String startAt = machine.path("StartAt").asText("");
        if (top) {
            nodes.add(new FlowNode(START, Role.START, "Start", false, List.of()));
            if (names.contains(startAt)) {
                edges.add(new FlowEdge(START, startAt, Kind.NEXT, ""));
            }
        }
        boolean anyEnd = false;
        for (Map.Entry<String, JsonNode> e : states.properties()) {
            String name = e.getKey();
            JsonNode state = e.getValue();
            String type = state.path("Type").asText("Unknown");
            nodes.add(new FlowNode(name, Role.STATE, type, state.path("Retry").size() > 0, children(state)));
            String next = state.path("Next").asText(null);
            if (next != null && names.contains(next)) {
                edges.add(new FlowEdge(name, next, Kind.NEXT, ""));
            }
            int rule = 0;
            for (JsonNode choice : state.path("Choices")) {
                rule++;
                String to = choice.path("Next").asText("");
                if (names.contains(to)) {
                    edges.add(new FlowEdge(name, to, Kind.CHOICE, "rule " + rule));
                }
            }
            String otherwise = state.path("Default").asText("");
            if (names.contains(otherwise)) {
                edges.add(new FlowEdge(name, otherwise, Kind.DEFAULT, "Default"));
            }
            for (JsonNode catcher : state.path("Catch")) {
                String to = catcher.path("Next").asText("");
                if (names.contains(to)) {
                    edges.add(new FlowEdge(name, to, Kind.CATCH, String.join(", ", errors(catcher))));
                }
            }
            boolean ends = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            if (top && ends) {
                edges.add(new FlowEdge(name, END, Kind.NEXT, ""));
                anyEnd = true;
            }
        }
        if (top && (anyEnd || nodes.size() > 1)) {
            nodes.add(new FlowNode(END, Role.END, "End", false, List.of()));
        }
        return new Flow(nodes, edges);
    }

    private static List<Flow> children(JsonNode state) {
        List<Flow> children = new ArrayList<>();
        for (JsonNode branch : state.path("Branches")) {
            children.add(flow(branch, false));
        }
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        if (processor != null && processor.has("States")) {
            children.add(flow(processor, false));
        }
        return children;
    }

    private static List<String> errors(JsonNode catcher) {
        List<String> errors = new ArrayList<>();
        catcher.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
        return errors;
    }
}
