package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** {@code States.ArrayGetItem(array, index)}: the item at {@code index} (truncated to a whole number). An index
 * outside the array fails, except that AWS answers {@code null} for any index into an empty array. */
public final class StatesArrayGetItem implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesArrayGetItem INSTANCE = new StatesArrayGetItem();

    private StatesArrayGetItem() {}

    @Override
    public String name() {
        return "States.ArrayGetItem";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        ArrayNode array = Checks.array(inv, 0, this);
        long index = Checks.truncated(inv, 1, this);
        if (index >= 0 && index < array.size()) {
            return array.get((int) index);
        }
        if (array.isEmpty()) {
            return NullNode.getInstance();
        }
        throw Checks.invalid(this);
    }
}
