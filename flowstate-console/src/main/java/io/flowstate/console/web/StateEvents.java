package io.flowstate.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One state's part of an execution: its definition anywhere in the machine, and its events, tied to it as the
 * status fold ties them (names on entered and exited events, {@code previousEventId} for the rest).
 */
final class StateEvents {
    private StateEvents() {}

    /** The events of {@code state}, read with their data a page at a time; at most {@code max}. */
    static List<JsonNode> of(ConsoleService service, String arn, String state, int max) {
        Map<Long, String> owners = new HashMap<>();
        List<JsonNode> mine = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            GetExecutionHistory.Response page = service.history(arn, false, 1000, token, true);
            for (JsonNode e : page.events()) {
                String owner = owner(e, owners);
                if (owner != null) {
                    owners.put(e.path("id").asLong(), owner);
                    if (owner.equals(state) && mine.size() < max) {
                        mine.add(e);
                    }
                }
            }
            token = page.nextToken();
        } while (token.isPresent());
        return mine;
    }

    private static String owner(JsonNode e, Map<Long, String> owners) {
        String type = e.path("type").asText();
        if (type.endsWith("StateEntered")) {
            return e.path("stateEnteredEventDetails").path("name").asText();
        }
        if (type.endsWith("StateExited")) {
            return e.path("stateExitedEventDetails").path("name").asText();
        }
        if (type.startsWith("Execution") || type.startsWith("MapIteration") || type.startsWith("MapState")
                || type.startsWith("ParallelState")) {
            return null; // their previousEventId points into a branch, not to the state they belong to
        }
        return owners.get(e.path("previousEventId").asLong());
    }

    /** The state named {@code name} anywhere in the definition (inside branches and item processors too). */
    static Optional<JsonNode> find(JsonNode machine, String name) {
        JsonNode states = machine.path("States");
        if (states.has(name)) {
            return Optional.of(states.get(name));
        }
        for (JsonNode state : states) {
            for (JsonNode branch : state.path("Branches")) {
                Optional<JsonNode> found = find(branch, name);
                if (found.isPresent()) {
                    return found;
                }
            }
            for (String key : List.of("ItemProcessor", "Iterator")) {
                if (state.has(key)) {
                    Optional<JsonNode> found = find(state.get(key), name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
