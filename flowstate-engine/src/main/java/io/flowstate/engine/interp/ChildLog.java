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

    /** A child execution of its own starts its history (or, redriven, goes on) on its own ids. */
    static void started(Run r, Fiber f) {
        if (f.log.lastId == 0) {
            f.cursor = 0;
            r.emit(f, EventType.EXECUTION_STARTED, new EventDetails.ExecutionStarted(f.input, r.exec.info.roleArn(),
                    java.util.Optional.empty(), java.util.Optional.empty()));
        } else {
            f.cursor = f.log.lastId;
            r.emit(f, EventType.EXECUTION_REDRIVEN, new EventDetails.Redriven(java.util.Optional.empty(), f.redriveCount));
        }
    }
}
