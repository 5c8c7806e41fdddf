package io.flowstate.store.jdbc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the single writer of a SQLite store has done: how many group commits, how many writes they carried (the
 * mean group size is their ratio) and how long the commits themselves took (the fsync, mostly, on
 * {@code --durability power}). Counters only, so that a monitoring system derives rates and means; read by the
 * server's metrics and the durable benchmark.
 */
public final class CommitStats {
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final java.util.function.IntSupplier queued;

    CommitStats(java.util.function.IntSupplier queued) {
        this.queued = queued;
    }

    void committed(int groupSize, long nanos) {
        groups.incrementAndGet();
        writes.addAndGet(groupSize);
        commitNanos.addAndGet(nanos);
    }

    /** Group commits so far. */
    public long groups() {
        return groups.get();
    }

    /** Writes committed in those groups. */
    public long writes() {
        return writes.get();
    }

    /** Writes waiting for the committer now (the writer's queue depth). */
    public int queued() {
        return queued.getAsInt();
    }

    /** Time spent in the commits (the fsync), in seconds. */
    public double commitSeconds() {
        return commitNanos.get() / 1e9;
    }
}
