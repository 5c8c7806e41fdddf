package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code States.ArrayRange(first, last, step)}: the numbers from {@code first} towards {@code last}
 * (inclusive) by {@code step}. Arguments are truncated to whole numbers; the step must not be zero and the
 * result may hold at most {@value #MAX_ITEMS} items. A step pointing away from {@code last} gives {@code []}. */
public final class StatesArrayRange implements IntrinsicFunction {
    /** The most items a range may have. */
    public static final int MAX_ITEMS = 1000;

    /** The only instance. */
    public static final StatesArrayRange INSTANCE = new StatesArrayRange();

    private StatesArrayRange() {}

    @Override
    public String name() {
        return "States.ArrayRange";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 3);
        long first = Checks.truncatedInt(inv, 0, this);
        long last = Checks.truncatedInt(inv, 1, this);
        long step = Checks.truncatedInt(inv, 2, this);
        if (step == 0) {
            throw Checks.invalid(this);
        }
        long count = step > 0
                ? (last >= first ? (last - first) / step + 1 : 0)
                : (first >= last ? (first - last) / -step + 1 : 0);
        if (count > MAX_ITEMS) {
            throw Checks.invalid(this);
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode((int) count);
        for (long i = 0, v = first; i < count; i++, v += step) {
            result.add((int) v);
        }
        return result;
    }
}
