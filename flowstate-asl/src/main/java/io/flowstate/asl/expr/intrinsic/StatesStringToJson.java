package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;

/** {@code States.StringToJson(string)}: the JSON value a string holds; an empty or blank string gives
 * {@code null} (recorded AWS behaviour). */
public final class StatesStringToJson implements IntrinsicFunction {
    private static final ObjectReader READER =
            new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The only instance. */
    public static final StatesStringToJson INSTANCE = new StatesStringToJson();

    private StatesStringToJson() {}

    @Override
    public String name() {
        return "States.StringToJson";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        String text = Checks.string(inv, 0, this);
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode parsed = READER.readTree(text);
            return parsed == null || parsed.isMissingNode() ? NullNode.getInstance() : parsed;
        } catch (JsonProcessingException notJson) {
            throw Checks.invalid(this);
        }
    }
}
