package io.flowstate.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The raw result of a Map's or a Parallel's last run, before ResultSelector, ResultPath and OutputPath, put
 * together from the history (which keeps no such event): a Map's is each iteration's output by index (the event a
 * {@code MapIterationSucceeded} follows), a Parallel's each branch's output (the last exit of a state that ends the
 * branch). Only for an inline Map or a Parallel at the top level of the machine, whose run the history's events
 * between its entered and exited events are all about; empty when an iteration failed or a branch has no output.
 */
final class FanOutResult {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FanOutResult() {}

    static Optional<JsonNode> of(ConsoleService service, String arn, JsonNode machine, String state, long entered,
            long exited) {
        JsonNode def = machine.path("States").path(state);
        String type = def.path("Type").asText();
        boolean inlineMap = type.equals("Map") && !def.path("ItemProcessor").path("ProcessorConfig").path("Mode")
                .asText("INLINE").equals("DISTRIBUTED");
        if (!inlineMap && !type.equals("Parallel")) {
            return Optional.empty();
        }
        Map<Long, String> outputs = new HashMap<>();
        Map<String, Long> lastExit = new HashMap<>();
        TreeMap<Integer, Long> iterations = new TreeMap<>();
        Optional<String> token = Optional.empty();
        do {
            GetExecutionHistory.Response page = service.history(arn, false, 1000, token, true);
            for (JsonNode e : page.events()) {
                long id = e.path("id").asLong();
                if (id <= entered || id >= exited) {
                    continue;
                }
                String t = e.path("type").asText();
                if (t.endsWith("StateExited")) {
                    outputs.put(id, e.path("stateExitedEventDetails").path("output").asText());
                    lastExit.put(e.path("stateExitedEventDetails").path("name").asText(), id);
                } else if (t.startsWith("MapIteration") && !t.equals("MapIterationStarted")) {
                    if (!t.equals("MapIterationSucceeded")) {
                        return Optional.empty(); // a failed item's place in the result is not in the history
                    }
                    iterations.put(e.path("mapIterationSucceededEventDetails").path("index").asInt(),
                            e.path("previousEventId").asLong());
                }
            }
            token = page.nextToken().filter(x -> page.events().isEmpty()
                    || page.events().get(page.events().size() - 1).path("id").asLong() < exited);
        } while (token.isPresent());
        List<Long> ends = new ArrayList<>();
        if (inlineMap) {
            int expected = 0;
            for (var it : iterations.entrySet()) {
                if (it.getKey() != expected++) {
                    return Optional.empty();
                }
                ends.add(it.getValue());
            }
        } else {
            for (JsonNode branch : def.path("Branches")) {
                Optional<Long> end = terminals(branch).stream().map(lastExit::get).filter(java.util.Objects::nonNull)
                        .max(Long::compare);
                if (end.isEmpty()) {
                    return Optional.empty();
                }
                ends.add(end.get());
            }
        }
        ArrayNode result = JSON.createArrayNode();
        for (long end : ends) {
            String output = outputs.get(end);
            if (output == null) {
                return Optional.empty();
            }
            try {
                result.add(JSON.readTree(output));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(result);
    }

    /** The states that end a branch: {@code End: true} or Succeed (a Fail ends it without an output). */
    private static Set<String> terminals(JsonNode branch) {
        Set<String> names = new HashSet<>();
        branch.path("States").properties().forEach(s -> {
            if (s.getValue().path("End").asBoolean(false) || s.getValue().path("Type").asText().equals("Succeed")) {
                names.add(s.getKey());
            }
        });
        return names;
    }
}
