package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;

/** {@code States.MathAdd(a, b)}: the sum of two numbers, each first rounded to the nearest whole number (half
 * up, so -1.5 becomes -1: recorded AWS results) and within the 32-bit integer range. */
public final class StatesMathAdd implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesMathAdd INSTANCE = new StatesMathAdd();

    private StatesMathAdd() {}

    @Override
    public String name() {
        return "States.MathAdd";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        long sum = rounded(inv, 0) + rounded(inv, 1);
        return sum == (int) sum ? IntNode.valueOf((int) sum) : LongNode.valueOf(sum);
    }

    private long rounded(Invocation inv, int i) {
        JsonNode v = inv.value(i);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw Checks.invalid(this);
        }
        long value = v.isIntegralNumber() ? v.longValue() : Math.round(v.doubleValue());
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw Checks.invalid(this);
        }
        return value;
    }
}
