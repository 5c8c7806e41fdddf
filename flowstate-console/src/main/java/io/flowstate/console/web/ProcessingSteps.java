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
 * (a mock: the resource is never called again). Only Pass and Task states that exited are replayed.
 */
final class ProcessingSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessingSteps() {}

    static String render(ConsoleService service, String executionArn, String definition, String state, JsonNode stateJson,
            List<JsonNode> events) {
        String type = stateJson.path("Type").asText();
        Optional<String> input = last(events, "StateEntered", "input");
        Optional<String> result = last(events, "Succeeded", "output");
        boolean exited = last(events, "StateExited", "output").isPresent();
        if (!exited || input.isEmpty() || !(type.equals("Pass") || type.equals("Task") && result.isPresent())) {
            return "";
        }
        Optional<JsonNode> mock = result.map(r -> JSON.createObjectNode().put("result", r).put("fieldValidationMode", "NONE"));
        StringBuilder html = new StringBuilder("<h3>Processing steps</h3>");
        try {
            String role = service.definitionOf(executionArn).roleArn();
            TestState.Response replay = service.replayState(definition, state, role, input.get(), type.equals("Task")
                    ? mock : Optional.empty());
            if (replay.inspectionData().isEmpty()) {
                return "";
            }
            html.append("<dl class=\"summary\" id=\"processing-steps\">");
            for (Map.Entry<String, JsonNode> step : replay.inspectionData().get().properties()) {
                html.append("<dt>").append(esc(step.getKey())).append("</dt><dd><pre>")
                        .append(esc(step.getValue().isTextual() ? MachinePage.pretty(step.getValue().asText())
                                : step.getValue().toPrettyString()))
                        .append("</pre></dd>");
            }
            html.append("</dl><p>Worked out by replaying the state with TestState on its last input.</p>");
        } catch (ApiException e) {
            html.append("<p>Could not replay the state: ").append(esc(e.code())).append(": ").append(esc(e.getMessage()))
                    .append("</p>");
        }
        return html.toString();
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
