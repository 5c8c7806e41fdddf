package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** {@code States.UUID()}: a version 4 UUID drawn from the context's random source. */
public final class StatesUuid implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesUuid INSTANCE = new StatesUuid();

    private StatesUuid() {}

    @Override
    public String name() {
        return "States.UUID";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 0);
        RandomGenerator random = inv.context().random();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return TextNode.valueOf(new UUID(msb, lsb).toString());
    }
}
