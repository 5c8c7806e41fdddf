package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.ExecutionStatus;
import java.util.Optional;

/**
 * One page request of ListExecutions: optional filters by state machine, status, the version or the alias the
 * executions were started through, and whether they were redriven; the store's opaque {@code nextToken} from
 * the previous page, and the page size. Results are ordered newest first (start date descending, ties in an
 * order of the store's choosing that stays stable across pages).
 */
public record ExecutionQuery(Optional<String> stateMachineArn, Optional<ExecutionStatus> status,
        Optional<String> versionArn, Optional<String> aliasArn, Optional<Boolean> redriven,
        Optional<String> nextToken, int maxResults) {
    public ExecutionQuery {
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(status, "status is null");
        requireNonNull(versionArn, "versionArn is null");
        requireNonNull(aliasArn, "aliasArn is null");
        requireNonNull(redriven, "redriven is null");
        requireNonNull(nextToken, "nextToken is null");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
        }
    }

    /** A query by state machine and status only. */
    public ExecutionQuery(Optional<String> stateMachineArn, Optional<ExecutionStatus> status, Optional<String> nextToken,
            int maxResults) {
        this(stateMachineArn, status, Optional.empty(), Optional.empty(), Optional.empty(), nextToken, maxResults);
    }

    /** The first page of every execution, {@code maxResults} at most. */
    public static ExecutionQuery all(int maxResults) {
        return new ExecutionQuery(Optional.empty(), Optional.empty(), Optional.empty(), maxResults);
    }

    /** The same filters, continuing after {@code token}. */
    public ExecutionQuery after(String token) {
        return new ExecutionQuery(stateMachineArn, status, versionArn, aliasArn, redriven, Optional.of(token), maxResults);
    }

    /** Whether {@code s}, started with {@code start} and redriven {@code redrives} times, passes every filter. */
    public boolean matches(ExecutionSummary s, StartRecord start, int redrives) {
        return stateMachineArn.map(s.stateMachineArn()::equals).orElse(true)
                && status.map(st -> st == s.status()).orElse(true)
                && versionArn.map(v -> start.info().stateMachineVersionArn().equals(Optional.of(v))).orElse(true)
                && aliasArn.map(a -> start.info().stateMachineAliasArn().equals(Optional.of(a))).orElse(true)
                && redriven.map(r -> r == (redrives > 0)).orElse(true);
    }
}
