package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The platform thread that runs SQLite's group commits (see {@link Transactions#write}): woken when work is
 * queued, it runs groups until none is left, then parks. Every writer hands its work over, whatever its thread:
 * one thread with warm caches runs SQLite's native code, and no virtual thread pins its carrier in an fsync.
 */
final class Committer {
    private final Thread thread;
    private final BooleanSupplier hasWork;
    private final Runnable runGroup;
    private volatile boolean stopping;

    /** Starts the thread; {@code runGroup} runs one group of the queued work, {@code hasWork} tells if any is queued. */
    Committer(String name, BooleanSupplier hasWork, Runnable runGroup) {
        this.hasWork = requireNonNull(hasWork, "hasWork is null");
        this.runGroup = requireNonNull(runGroup, "runGroup is null");
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Makes the thread look for work (call after queueing some). */
    void wake() {
        LockSupport.unpark(thread);
    }

    /** Stops the thread after its current group; waits up to ten seconds for it. */
    void stop() {
        stopping = true;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopping) {
            if (!hasWork.getAsBoolean()) {
                // An unpark between the check and the park makes the park return at once: no wake-up is lost.
                LockSupport.park(this);
                continue;
            }
            runGroup.run();
        }
    }
}
