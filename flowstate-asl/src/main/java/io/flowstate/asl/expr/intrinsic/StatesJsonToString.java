package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** {@code States.JsonToString(value)}: the value's compact JSON text. */
public final class StatesJsonToString implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesJsonToString INSTANCE = new StatesJsonToString();

    private StatesJsonToString() {}

    @Override
    public String name() {
        return "States.JsonToString";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        return TextNode.valueOf(inv.value(0).toString());
    }
}
