package io.flowstate.engine.local;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The time source of an in-process run: reads the time, and waits until a timer is due. A real clock
 * sleeps; a {@link VirtualClock} jumps, so a one-day Wait finishes at once.
 */
public interface RunClock extends InstantSource {
    /** Returns once {@code dueAt} has been reached. */
    void awaitUntil(Instant dueAt) throws InterruptedException;

    /** The system clock; waiting sleeps. */
    static RunClock system() {
        return new RunClock() {
            @Override
            public Instant instant() {
                return Instant.now();
            }

            @Override
            public void awaitUntil(Instant dueAt) throws InterruptedException {
                long millis = dueAt.toEpochMilli() - System.currentTimeMillis();
                if (millis > 0) {
                    Thread.sleep(millis);
                }
            }
        };
    }
}
