package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One {@code Retry} entry. Defaults as AWS: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, JitterStrategy
 * NONE, no MaxDelaySeconds.
 */
public record Retrier(
        List<String> errorEquals,
        long intervalSeconds,
        long maxAttempts,
        double backoffRate,
        Optional<Long> maxDelaySeconds,
        JitterStrategy jitterStrategy) {

    /** {@code JitterStrategy}. */
    public enum JitterStrategy { FULL, NONE }

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
        requireNonNull(maxDelaySeconds, "maxDelaySeconds is null");
        requireNonNull(jitterStrategy, "jitterStrategy is null");
    }
}
