package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

/** {@code "Type": "Succeed"}: ends its state machine (or branch, or iteration) successfully. */
public record SucceedState(StateCommon common, IoSpec io) implements State {
    public SucceedState {
        requireNonNull(common, "common is null");
        requireNonNull(io, "io is null");
    }

    @Override
    public String type() {
        return "Succeed";
    }
}
