package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.Trigger;
import java.time.Instant;

/**
 * One trigger an execution received and the clock reading its decision used. An execution's state is the
 * fold of its journal over the interpreter, so a store that keeps the journal can rebuild a running
 * execution after a restart ({@link Replay}) without keeping the interpreter's in-memory state.
 */
public record JournalEntry(long lastEventIdBefore, Instant at, Trigger trigger) {
    public JournalEntry {
        requireNonNull(at, "at is null");
        requireNonNull(trigger, "trigger is null");
    }
}
