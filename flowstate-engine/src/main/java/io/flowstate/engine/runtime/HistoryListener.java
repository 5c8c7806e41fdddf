package io.flowstate.engine.runtime;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.ExecutionInfo;
import java.util.List;

/**
 * Told of the history events of each decision once it is committed, Standard and Express executions alike
 * (execution logging to CloudWatch Logs listens here). Called under the execution's lock, in the order of the
 * decisions, on the thread that made the decision: an implementation renders what it keeps right away
 * ({@code payloads} reads the running execution's state and is only valid during the call) and does any I/O
 * elsewhere. An exception it throws is logged and ignored: a listener never breaks an execution.
 */
@FunctionalInterface
public interface HistoryListener {
    /** Listens to nothing; the engine skips the call altogether when this is its listener. */
    HistoryListener NONE = (info, redriveCount, events, payloads) -> { };

    /**
     * The events one decision of the execution {@code info} appended, after its commit, and the writer of their
     * payloads; {@code redriveCount} is how many times the execution has been redriven.
     */
    void appended(ExecutionInfo info, int redriveCount, List<HistoryEvent> events, PayloadWriter payloads);

    /** Every listener of {@code listeners}, in order; one that throws does not keep the others from hearing. */
    static HistoryListener all(List<HistoryListener> listeners) {
        List<HistoryListener> copy = List.copyOf(listeners);
        if (copy.isEmpty()) {
            return NONE;
        }
        if (copy.size() == 1) {
            return copy.get(0);
        }
        return (info, redriveCount, events, payloads) -> {
            for (HistoryListener l : copy) {
                try {
                    l.appended(info, redriveCount, events, payloads);
                } catch (RuntimeException e) {
                    System.getLogger(HistoryListener.class.getName()).log(System.Logger.Level.WARNING,
                            "a history listener failed for " + info.executionArn(), e);
                }
            }
        };
    }
}
