package io.flowstate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.parse.Diagnostic;
import io.flowstate.asl.parse.ParseResult;

/** ValidateStateMachineDefinition's response shape for a parse result. */
final class Diagnostics {
    private Diagnostics() {}

    static ObjectNode validationResponse(ParseResult result) {
        ObjectNode out = Json.object();
        out.put("result", result.isValid() ? "OK" : "FAIL");
        ArrayNode list = out.putArray("diagnostics");
        for (Diagnostic d : result.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("severity", d.severity().name());
            n.put("code", d.code());
            n.put("message", d.message());
            d.location().ifPresent(l -> n.put("location", l));
        }
        out.put("truncated", false);
        return out;
    }
}
