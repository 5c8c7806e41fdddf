package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/** {@code States.ArrayLength(array)}: the number of items. */
public final class StatesArrayLength implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArrayLength INSTANCE = new StatesArrayLength();

    private StatesArrayLength() {}

    @Override
    public String name() {
        return "States.ArrayLength";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        return IntNode.valueOf(Checks.array(inv, 0, this).size());
    }
}
