package io.flowstate.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.engine.interp.ExecutionInfo;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Inputs shared by the JMH benchmarks, written inline (not read from {@code ../shared/bench}) so that
 * {@code benchmarks.jar} runs anywhere. They mirror the shared workloads: the pass-chain input and its Pass
 * states' {@code Parameters}.
 */
final class Fixtures {
    /** pass-chain.input.json of the shared workloads (~180 bytes). */
    static final String ORDER_INPUT = """
            {"order":{"id":"ord-000123","customer":"ACME Corporation","items":3,"total":59.97,"currency":"EUR"},
             "meta":{"source":"bench","attempt":1,"tags":["alpha","beta","gamma"]},"trace":{}}""";

    /** The Parameters of pass-chain's Pass states. */
    static final String PASS_PARAMETERS = """
            {"step": 1, "order.$": "$.order.id", "items.$": "$.order.items"}""";

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {}

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StateMachine machine(String definition) {
        ParseResult r = AslParser.parse(definition);
        return r.machine().orElseThrow(() -> new IllegalStateException("invalid benchmark definition: " + r.errors()));
    }

    /** pass-chain: {@code n} Pass states with pass-chain's Parameters, each storing at {@code $.trace.pNN}. */
    static String passChain(int n) {
        StringBuilder states = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            String name = String.format("P%02d", i);
            states.append(i > 1 ? "," : "").append('"').append(name).append("\":{\"Type\":\"Pass\",")
                    .append("\"Parameters\":{\"step\":").append(i)
                    .append(",\"order.$\":\"$.order.id\",\"items.$\":\"$.order.items\"},")
                    .append("\"ResultPath\":\"$.trace.p").append(String.format("%02d", i)).append('"')
                    .append(i < n ? String.format(",\"Next\":\"P%02d\"}", i + 1) : ",\"End\":true}");
        }
        return "{\"StartAt\":\"P01\",\"States\":{" + states + "}}";
    }

    static ExecutionInfo info(JsonNode input) {
        return ExecutionInfo.of("us-east-1", "123456789012", "jmh", "e1", "arn:aws:iam::123456789012:role/jmh", START,
                input);
    }
}
