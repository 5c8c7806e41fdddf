package io.flowstate.engine.runtime;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Runs actions when their due time comes, on a clock of its own: {@link SystemTimers} on the system clock,
 * {@link ManualTimers} on a testing clock that only moves when told (tests never sleep for a Wait state).
 */
public interface TimerService extends AutoCloseable {
    /** The clock the due times refer to. */
    InstantSource clock();

    /** Runs {@code action} once {@code dueAt} has come (at once when it has already). */
    void schedule(Instant dueAt, Runnable action);

    @Override
    void close();
}
