package io.flowstate.engine.interp;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one Distributed Map child execution: its own event ids from 1, from {@code ExecutionStarted}
 * to its end. Flowstate runs the children inside the parent and keeps no history for them while it runs; an
 * execution rebuilt from its journal to show a child (see {@link Execution#childHistory}) records them here, the
 * interpreter being deterministic. The fibers of the child (and of its Parallel and Map states) share the log.
 */
final class ChildLog {
    final List<HistoryEvent> events = new ArrayList<>();
    long lastId;

    long add(long previous, Instant at, EventType type, EventDetails details) {
        long id = ++lastId;
        events.add(new HistoryEvent(id, previous, at, type, details));
        return id;
    }
}
