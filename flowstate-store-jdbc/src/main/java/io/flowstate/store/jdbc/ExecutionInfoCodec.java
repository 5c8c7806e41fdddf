package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * An execution's identity as stored JSON ({@code executions.start_info}). Since V6 it holds only what the row's
 * columns do not: the execution ARN, name, state machine ARN and input text are columns already, and the input
 * tree is the parse of that text, so storing them again made the row half as long again. Whether the input text
 * is the client's (kept for its spacing in the history) or the engine's rendering is kept as a flag. Rows
 * written before hold everything, input tree included, and read as before.
 */
final class ExecutionInfoCodec {
    private ExecutionInfoCodec() {}

    static String write(ExecutionInfo info) {
        ObjectNode n = Json.object();
        n.put("stateMachineName", info.stateMachineName());
        n.put("roleArn", info.roleArn());
        n.put("region", info.region());
        n.put("startTime", info.startTime().toString());
        n.put("clientInputText", info.inputText().isPresent());
        info.stateMachineVersionArn().ifPresent(v -> n.put("stateMachineVersionArn", v));
        info.stateMachineAliasArn().ifPresent(a -> n.put("stateMachineAliasArn", a));
        info.traceHeader().ifPresent(h -> n.put("traceHeader", h));
        return Json.write(n);
    }

    /**
     * The identity from {@code text} and the row's columns: {@code inputText} is the {@code input_text} column,
     * the client's text or the engine's rendering of the input.
     */
    static ExecutionInfo read(String text, String executionArn, String name, String stateMachineArn, String inputText) {
        JsonNode n = parse(text, "execution identity");
        if (n.has("input")) {
            // Written before V6: the whole identity.
            return new ExecutionInfo(n.path("executionArn").asText(), n.path("name").asText(),
                    n.path("stateMachineArn").asText(), n.path("stateMachineName").asText(), n.path("roleArn").asText(),
                    n.path("region").asText(), Instant.parse(n.path("startTime").asText()), n.get("input"),
                    text(n, "inputText"), text(n, "stateMachineVersionArn"), text(n, "stateMachineAliasArn"));
        }
        return new ExecutionInfo(executionArn, name, stateMachineArn, n.path("stateMachineName").asText(),
                n.path("roleArn").asText(), n.path("region").asText(), Instant.parse(n.path("startTime").asText()),
                parse(inputText, "execution input"),
                n.path("clientInputText").asBoolean() ? Optional.of(inputText) : Optional.empty(),
                text(n, "stateMachineVersionArn"), text(n, "stateMachineAliasArn"), text(n, "traceHeader"));
    }

    private static JsonNode parse(String text, String what) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored " + what + ": " + text, e);
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
