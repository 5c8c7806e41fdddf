package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of ListExecutions; {@code nextToken} is present when more executions follow. */
public record ExecutionPage(List<ExecutionSummary> executions, Optional<String> nextToken) {
    public ExecutionPage {
        executions = List.copyOf(executions);
        requireNonNull(nextToken, "nextToken is null");
    }
}
