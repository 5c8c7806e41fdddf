package io.flowstate.engine.history;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One event of an execution's history, as GetExecutionHistory returns it. Ids start at 1 and increase by one;
 * {@code previousEventId} follows AWS's rules (the last event of the same branch or iteration, 0 for the first).
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, EventType type, EventDetails details) {
    public HistoryEvent {
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(type, "type is null");
        requireNonNull(details, "details is null");
    }
}
