package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code "Type": "Fail"}: fails its state machine with an optional error and cause. */
public record FailState(StateCommon common, Optional<TextSource> error, Optional<TextSource> cause) implements State {
    public FailState {
        requireNonNull(common, "common is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }

    @Override
    public String type() {
        return "Fail";
    }
}
