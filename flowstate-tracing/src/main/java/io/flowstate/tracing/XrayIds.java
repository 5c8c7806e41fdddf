package io.flowstate.tracing;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trace ids X-Ray accepts: the first 32 bits the start time in epoch seconds, the other 96 random, so that every
 * trace's id can be written as an X-Ray {@code Root} ({@code 1-<8 hex time>-<24 hex>}) for the services that only
 * read X-Ray's header (Lambda, a nested execution's {@code traceHeader}). Span ids are random as usual.
 */
final class XrayIds implements IdGenerator {
    static final XrayIds INSTANCE = new XrayIds();

    private XrayIds() {}

    @Override
    public String generateSpanId() {
        return IdGenerator.random().generateSpanId();
    }

    @Override
    public String generateTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long seconds = System.currentTimeMillis() / 1000;
        byte[] random = new byte[12];
        r.nextBytes(random);
        return String.format("%08x", seconds & 0xffffffffL) + HexFormat.of().formatHex(random);
    }
}
