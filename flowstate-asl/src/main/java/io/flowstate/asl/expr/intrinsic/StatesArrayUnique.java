package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code States.ArrayUnique(array)}: the array without repeated items, keeping each item's first occurrence. */
public final class StatesArrayUnique implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArrayUnique INSTANCE = new StatesArrayUnique();

    private StatesArrayUnique() {}

    @Override
    public String name() {
        return "States.ArrayUnique";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        ArrayNode array = Checks.array(inv, 0, this);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : array) {
            boolean seen = false;
            for (JsonNode kept : result) {
                if (Checks.jsonEquals(kept, item)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                result.add(item);
            }
        }
        return result;
    }
}
