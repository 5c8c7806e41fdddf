package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code States.JsonMerge(first, second, false)}: a shallow merge of two objects, the second's keys winning.
 * The third argument must be the boolean {@code false}: AWS supports no deep merge. */
public final class StatesJsonMerge implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesJsonMerge INSTANCE = new StatesJsonMerge();

    private StatesJsonMerge() {}

    @Override
    public String name() {
        return "States.JsonMerge";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 3);
        if (!(inv.value(0) instanceof ObjectNode first) || !(inv.value(1) instanceof ObjectNode second)
                || !inv.value(2).isBoolean() || inv.value(2).booleanValue()) {
            throw Checks.invalid(this);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.setAll(first);
        result.setAll(second);
        return result;
    }
}
