package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

/** {@code "Type": "Wait"}: delays the execution for a time or until a timestamp. */
public record WaitState(StateCommon common, Transition transition, IoSpec io, WaitSpec spec) implements State {
    public WaitState {
        requireNonNull(common, "common is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(io, "io is null");
        requireNonNull(spec, "spec is null");
    }

    @Override
    public String type() {
        return "Wait";
    }
}
