package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code States.Array(v...)}: a JSON array of its zero or more arguments, in order. */
public final class StatesArray implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArray INSTANCE = new StatesArray();

    private StatesArray() {}

    @Override
    public String name() {
        return "States.Array";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode(inv.size());
        result.addAll(inv.values());
        return result;
    }
}
