package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** {@code States.ArrayContains(array, value)}: whether an item of the array equals the value (deep JSON
 * equality; numbers by value). */
public final class StatesArrayContains implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArrayContains INSTANCE = new StatesArrayContains();

    private StatesArrayContains() {}

    @Override
    public String name() {
        return "States.ArrayContains";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        ArrayNode array = Checks.array(inv, 0, this);
        JsonNode wanted = inv.value(1);
        for (JsonNode item : array) {
            if (Checks.jsonEquals(item, wanted)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }
}
