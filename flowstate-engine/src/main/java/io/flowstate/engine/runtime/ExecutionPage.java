package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of ListExecutions; {@code nextToken} is present when more executions follow.
 *
 * <p>{@code positions} holds, for each summary, the store token that resumes the listing right after it
 * (same index). A caller that filters the page further, and so stops inside it, resumes from the position of
 * the last summary it kept instead of from {@code nextToken}, so nothing is skipped or repeated. When
 * {@code nextToken} is present it is the last summary's position.
 */
public record ExecutionPage(List<ExecutionSummary> executions, List<String> positions, Optional<String> nextToken) {
    public ExecutionPage {
        executions = List.copyOf(executions);
        positions = List.copyOf(positions);
        requireNonNull(nextToken, "nextToken is null");
        if (positions.size() != executions.size()) {
            throw new IllegalArgumentException("one position per execution: " + positions.size() + " positions for "
                    + executions.size() + " executions");
        }
        if (nextToken.isPresent() && (positions.isEmpty() || !nextToken.get().equals(positions.getLast()))) {
            throw new IllegalArgumentException("nextToken must be the last execution's position: " + nextToken.get());
        }
    }
}
