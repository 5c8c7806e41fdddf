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

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Override
    public void schedule(Instant dueAt, Runnable action) {
        long delay = Math.max(0, dueAt.toEpochMilli() - System.currentTimeMillis());
        scheduler.schedule(() -> Thread.ofVirtual().start(action), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
