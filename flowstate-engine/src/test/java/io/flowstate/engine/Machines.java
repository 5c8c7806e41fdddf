package io.flowstate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.engine.interp.ExecutionInfo;
import java.time.Instant;

/** Test helpers: parse a definition written with single quotes, and an execution identity. */
public final class Machines {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Machines() {}

    public static StateMachine parse(String singleQuoted) {
        ParseResult r = AslParser.parse(singleQuoted.replace('\'', '"'));
        if (!r.isValid()) {
            throw new AssertionError("invalid test definition: " + r.diagnostics());
        }
        return r.machine().orElseThrow();
    }

    public static JsonNode json(String singleQuoted) {
        try {
            return Json.parse(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static ExecutionInfo info(JsonNode input) {
        return ExecutionInfo.of("us-east-1", "123456789012", "sm", "exec", "arn:aws:iam::123456789012:role/r", T0, input);
    }
}
