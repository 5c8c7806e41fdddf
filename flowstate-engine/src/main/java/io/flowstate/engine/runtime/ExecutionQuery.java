package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.ExecutionStatus;
import java.util.Optional;

/**
 * One page request of ListExecutions: optional filters by state machine and status, the store's opaque
 * {@code nextToken} from the previous page, and the page size. Results are ordered newest first (start date
 * descending, ties in an order of the store's choosing that stays stable across pages).
 */
public record ExecutionQuery(Optional<String> stateMachineArn, Optional<ExecutionStatus> status,
        Optional<String> nextToken, int maxResults) {
    public ExecutionQuery {
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(status, "status is null");
        requireNonNull(nextToken, "nextToken is null");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
        }
    }

    /** The first page of every execution, {@code maxResults} at most. */
    public static ExecutionQuery all(int maxResults) {
        return new ExecutionQuery(Optional.empty(), Optional.empty(), Optional.empty(), maxResults);
    }

    /** The same filters, continuing after {@code token}. */
    public ExecutionQuery after(String token) {
        return new ExecutionQuery(stateMachineArn, status, Optional.of(token), maxResults);
    }
}
