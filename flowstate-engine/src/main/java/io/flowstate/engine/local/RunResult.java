package io.flowstate.engine.local;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import java.util.List;
import java.util.Optional;

/** How an in-process execution ended: status, output or error and cause, and its whole history. */
public record RunResult(ExecutionInfo info, ExecutionStatus status, Optional<JsonNode> output, Optional<String> error,
        Optional<String> cause, List<HistoryEvent> history, io.flowstate.engine.history.PayloadWriter payloads) {
    public RunResult {
        requireNonNull(info, "info is null");
        requireNonNull(status, "status is null");
        requireNonNull(output, "output is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
        // A read-only view of the execution's history, not a copy: a run may hold thousands of events.
        history = java.util.Collections.unmodifiableList(history);
        requireNonNull(payloads, "payloads is null");
    }
}
