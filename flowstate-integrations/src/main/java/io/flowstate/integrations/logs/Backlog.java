package io.flowstate.integrations.logs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the log lines a sink holds before they are written. Logging never holds an execution up, so lines
 * queue while the writer is slower than the executions (a logs outage, or more lines per second than one file or
 * endpoint takes); past the bound a sink drops what comes and counts it ({@link LogSink#dropped}, a metric), so
 * that such a backlog costs a known amount of memory instead of the server.
 */
final class Backlog {
    /** About 20 to 50 MB of lines, the size of a log line without execution data and with some. */
    static final int DEFAULT_LIMIT = 100_000;

    private final long limit;
    private final AtomicLong queued = new AtomicLong();

    Backlog(long limit) {
        this.limit = limit;
    }

    /** Takes {@code lines} into the backlog; false (and nothing taken) when they would pass the bound. */
    boolean admit(int lines) {
        if (queued.addAndGet(lines) > limit) {
            queued.addAndGet(-lines);
            return false;
        }
        return true;
    }

    /** {@code lines} left the backlog: written, or dropped by a failed write. */
    void written(int lines) {
        queued.addAndGet(-lines);
    }

    /** How many lines wait now. */
    long queued() {
        return queued.get();
    }
}
