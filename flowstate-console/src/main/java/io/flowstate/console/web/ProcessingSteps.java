package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.TestState;
import io.flowstate.console.ConsoleService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state's input and output processing, step by step (InputPath, Parameters or Arguments, the result,
 * ResultSelector, ResultPath, OutputPath, variables): the history keeps only the state's input and output, so the
 * state is run again with TestState at DEBUG on its last input, a Task answered with the result it really got
 * (a mock: the resource is never called again). Pass, Choice, Wait, Succeed and Task states that exited are
 * replayed, a Fail state that was entered (its error and cause), and an inline Map or a Parallel at the machine's
 * top level, answered with the result {@link FanOutResult} puts together from its iterations or branches.
 */
final class ProcessingSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessingSteps() {}

    static String render(ConsoleService service, String executionArn, String definition, String state, JsonNode stateJson,
            List<JsonNode> events) {
        String type = stateJson.path("Type").asText();
        Optional<String> input = last(events, "StateEntered", "input");
        boolean exited = last(events, "StateExited", "output").isPresent();
        if (input.isEmpty() || !exited && !type.equals("Fail")) {
            return ""; // a Fail state never exits: it ends the execution (or its branch) on entering
        }
        Optional<JsonNode> mock;
        switch (type) {
            case "Pass", "Choice", "Wait", "Succeed", "Fail" -> mock = Optional.empty();
            case "Task" -> {
                Optional<String> result = last(events, "Succeeded", "output");
                if (result.isEmpty()) {
                    return "";
                }
                mock = Optional.of(mock(result.get()));
            }
            case "Map", "Parallel" -> {
                Optional<JsonNode> result = FanOutResult.of(service, executionArn, readTree(definition), state,
                        lastId(events, "StateEntered"), lastId(events, "StateExited"));
                if (result.isEmpty()) {
                    return "";
                }
                mock = Optional.of(mock(result.get().toString()));
            }
            default -> {
                return "";
            }
        }
        StringBuilder html = new StringBuilder("<h3>Processing steps</h3>");
        try {
            String role = service.definitionOf(executionArn).roleArn();
            TestState.Response replay = service.replayState(definition, state, role, input.get(), mock);
            if (replay.inspectionData().isEmpty()) {
                return "";
            }
            html.append("<dl class=\"summary\" id=\"processing-steps\">");
            JsonNode data = replay.inspectionData().get();
            for (Map.Entry<String, JsonNode> step : data.properties()) {
                step(html, step.getKey(), step.getValue().isTextual() ? MachinePage.pretty(step.getValue().asText())
                        : step.getValue().toPrettyString());
            }
            // What some state types' inspection data leaves out: a Wait's or a Map's output, the Choice rule's
            // target, a Fail state's error and cause.
            replay.output().filter(o -> !data.has("output")).ifPresent(o -> step(html, "output", MachinePage.pretty(o)));
            replay.nextState().ifPresent(n -> step(html, "nextState", n));
            replay.error().ifPresent(e -> step(html, "error", e));
            replay.cause().ifPresent(c -> step(html, "cause", c));
            html.append("</dl><p>Worked out by replaying the state with TestState on its last input.</p>");
        } catch (ApiException e) {
            html.append("<p>Could not replay the state: ").append(esc(e.code())).append(": ").append(esc(e.getMessage()))
                    .append("</p>");
        }
        return html.toString();
    }

    private static void step(StringBuilder html, String name, String value) {
        html.append("<dt>").append(esc(name)).append("</dt><dd><pre>").append(esc(value)).append("</pre></dd>");
    }

    /** A TestState mock answering with {@code result} (JSON text) as it is, unchecked against an API's shape. */
    private static JsonNode mock(String result) {
        return JSON.createObjectNode().put("result", result).put("fieldValidationMode", "NONE");
    }

    private static long lastId(List<JsonNode> events, String suffix) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).path("type").asText().endsWith(suffix)) {
                return events.get(i).path("id").asLong();
            }
        }
        return -1;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The text of {@code field} in the details of the last event whose type ends with {@code suffix}. */
    private static Optional<String> last(List<JsonNode> events, String suffix, String field) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonNode e = events.get(i);
            if (e.path("type").asText().endsWith(suffix)) {
                for (JsonNode details : e) {
                    if (details.isObject() && details.has(field)) {
                        return Optional.of(details.get(field).asText());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
