package io.flowstate.store.jdbc;

import java.time.Instant;

/**
 * Instants as nanoseconds since the epoch in one BIGINT column: sortable by an index and lossless for
 * 1677..2262, which covers every execution (they last a year at most).
 */
final class EpochNanos {
    private EpochNanos() {}

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
