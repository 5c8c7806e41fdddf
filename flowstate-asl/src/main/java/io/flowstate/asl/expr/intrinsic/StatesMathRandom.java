package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Random;
import java.util.random.RandomGenerator;

/** {@code States.MathRandom(start, end[, seed])}: a whole number in [start, end). Bounds are truncated to whole
 * numbers and start must stay below end. With a seed the result is repeatable; without one it comes from the
 * context's random source, so tests can fix it. */
public final class StatesMathRandom implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesMathRandom INSTANCE = new StatesMathRandom();

    private StatesMathRandom() {}

    @Override
    public String name() {
        return "States.MathRandom";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        if (inv.size() != 2 && inv.size() != 3) {
            throw Checks.invalid(this);
        }
        int start = Checks.truncatedInt(inv, 0, this);
        int end = Checks.truncatedInt(inv, 1, this);
        if (start >= end) {
            throw Checks.invalid(this);
        }
        RandomGenerator random = inv.size() == 3 ? new Random(Checks.truncated(inv, 2, this)) : inv.context().random();
        return IntNode.valueOf((int) random.nextLong(start, end));
    }
}
