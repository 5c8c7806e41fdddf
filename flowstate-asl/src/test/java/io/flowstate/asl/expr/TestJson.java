package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import java.util.Random;

/** Small helpers to write JSON in tests with single quotes instead of escaped double quotes. */
public final class TestJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {}

    /** Parses JSON written with {@code '} for {@code "} (no apostrophes inside strings, then). */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A context with the given input, a small context object, no variables and a seeded random source. */
    public static EvalContext ctx(String input) {
        return new EvalContext(json(input), json("{'State':{'Name':'S'},'Execution':{'Name':'run-1'}}"),
                Variables.NONE, new Random(7));
    }

    public static EvalContext ctx(String input, Map<String, JsonNode> variables) {
        return new EvalContext(json(input), NullNode.getInstance(), Variables.of(variables), new Random(7));
    }
}
