package io.flowstate.engine.interp;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.util.Optional;

/**
 * AWS's hard quota: an execution's history holds at most 25,000 events. The last one is spent on the
 * execution failing; AWS documents the failure but not its exact error text, so the cause names the quota.
 */
final class HistoryQuota {
    static final long MAX_EVENTS = 25_000;

    private HistoryQuota() {}

    static boolean terminal(EventType type) {
        return type == EventType.EXECUTION_FAILED || type == EventType.EXECUTION_SUCCEEDED
                || type == EventType.EXECUTION_ABORTED || type == EventType.EXECUTION_TIMED_OUT;
    }

    /** Fails the execution with the quota's error as its last event, and drops all outstanding work. */
    static void reached(Run r, long previous) {
        Execution exec = r.exec;
        StateFailure failure = StateFailure.of(ErrorNames.RUNTIME,
                "The execution reached the maximum number of history events (25000).");
        exec.status = ExecutionStatus.FAILED;
        exec.failure = failure;
        long id = ++exec.lastEventId;
        HistoryEvent e = new HistoryEvent(id, previous, r.now, EventType.EXECUTION_FAILED,
                new EventDetails.Failure(Optional.of(failure.error()), failure.cause()));
        exec.history.add(e);
        r.events.add(e);
        r.effects.add(new Effect.Complete(ExecutionStatus.FAILED, Optional.empty(), Optional.of(failure.error()),
                failure.cause()));
        r.cancelAll();
    }
}
