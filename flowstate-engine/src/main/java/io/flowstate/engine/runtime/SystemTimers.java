package io.flowstate.engine.runtime;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Timers on the system clock: one scheduler thread that hands each due action to a virtual thread. */
public final class SystemTimers implements TimerService {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flowstate-timers").daemon().factory());
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fired = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lagMillis = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Override
    public void schedule(Instant dueAt, Runnable action) {
        long due = dueAt.toEpochMilli();
        long delay = Math.max(0, due - System.currentTimeMillis());
        pending.incrementAndGet();
        scheduler.schedule(() -> {
            pending.decrementAndGet();
            fired.incrementAndGet();
            // How late it fires: a busy scheduler or a paused process shows here first.
            lagMillis.addAndGet(Math.max(0, System.currentTimeMillis() - due));
            Thread.ofVirtual().start(action);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Timers scheduled and not fired yet (Waits, retries, timeouts, heartbeats of the executions run here). */
    public long pending() {
        return pending.get();
    }

    /** Timers fired so far. */
    public long fired() {
        return fired.get();
    }

    /** The sum of how late each fired timer fired, in seconds; over {@link #fired()}: the mean timer lag. */
    public double lagSeconds() {
        return lagMillis.get() / 1000.0;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
