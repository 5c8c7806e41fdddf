package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A runtime error as data: an error name ({@code States.*} or a custom one) and an optional cause. */
public record StateFailure(String error, Optional<String> cause) {
    public StateFailure {
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }

    /** A failure with a cause. */
    public static StateFailure of(String error, String cause) {
        return new StateFailure(error, Optional.ofNullable(cause));
    }
}
