package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code States.ArrayPartition(array, size)}: the array cut into chunks of {@code size} items (the last may be
 * shorter). The size is truncated to a whole number and must then be positive. */
public final class StatesArrayPartition implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArrayPartition INSTANCE = new StatesArrayPartition();

    private StatesArrayPartition() {}

    @Override
    public String name() {
        return "States.ArrayPartition";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        ArrayNode array = Checks.array(inv, 0, this);
        long size = Checks.truncated(inv, 1, this);
        if (size <= 0) {
            throw Checks.invalid(this);
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (long from = 0; from < array.size(); from += size) {
            long to = Math.min(array.size(), from + size);
            ArrayNode chunk = result.addArray();
            for (long i = from; i < to; i++) {
                chunk.add(array.get((int) i));
            }
        }
        return result;
    }
}
