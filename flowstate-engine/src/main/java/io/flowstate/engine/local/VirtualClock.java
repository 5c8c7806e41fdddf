package io.flowstate.engine.local;

import java.time.Instant;

/**
 * A clock that only moves when told to: waiting for a timer jumps straight to its due time. Used by
 * {@code --skip-waits}, the conformance suite and tests; history timestamps then show virtual time.
 */
public final class VirtualClock implements RunClock {
    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void awaitUntil(Instant dueAt) {
        if (dueAt.isAfter(now)) {
            now = dueAt;
        }
    }

    /** Moves the clock forward by {@code duration} (tests). */
    public synchronized void advance(java.time.Duration duration) {
        now = now.plus(duration);
    }
}
