package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A StopExecution call the case makes while its execution runs: the executor stops the execution once its
 * first state has been entered and the execution is waiting (upstream waits for the first state, which is a
 * Wait). Empty error and cause mean StopExecution was called without them, giving
 * {@code "executionAbortedEventDetails": {}}.
 */
public record StopExecution(Optional<String> error, Optional<String> cause) {
    public StopExecution {
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }
}
