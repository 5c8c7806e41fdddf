package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * An execution's identity as stored JSON. The input is kept as a tree and, when the client's text is known,
 * as that text too, because history shows the client's spacing for as long as the input passes unchanged.
 */
final class ExecutionInfoCodec {
    private ExecutionInfoCodec() {}

    static String write(ExecutionInfo info) {
        ObjectNode n = Json.object();
        n.put("executionArn", info.executionArn());
        n.put("name", info.name());
        n.put("stateMachineArn", info.stateMachineArn());
        n.put("stateMachineName", info.stateMachineName());
        n.put("roleArn", info.roleArn());
        n.put("region", info.region());
        n.put("startTime", info.startTime().toString());
        n.set("input", info.input());
        info.inputText().ifPresent(t -> n.put("inputText", t));
        info.stateMachineVersionArn().ifPresent(v -> n.put("stateMachineVersionArn", v));
        info.stateMachineAliasArn().ifPresent(a -> n.put("stateMachineAliasArn", a));
        return Json.write(n);
    }

    static ExecutionInfo read(String text) {
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored execution identity: " + text, e);
        }
        return new ExecutionInfo(n.path("executionArn").asText(), n.path("name").asText(),
                n.path("stateMachineArn").asText(), n.path("stateMachineName").asText(), n.path("roleArn").asText(),
                n.path("region").asText(), Instant.parse(n.path("startTime").asText()), n.get("input"),
                text(n, "inputText"), text(n, "stateMachineVersionArn"), text(n, "stateMachineAliasArn"));
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
