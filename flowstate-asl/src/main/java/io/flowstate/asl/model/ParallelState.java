package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** {@code "Type": "Parallel"}: runs every branch on the same input; its result is the array of branch outputs. */
public record ParallelState(
        StateCommon common,
        Transition transition,
        IoSpec io,
        Optional<Template> arguments,
        List<StateMachine> branches,
        List<Retrier> retry,
        List<Catcher> catchers) implements State {
    public ParallelState {
        requireNonNull(common, "common is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(io, "io is null");
        requireNonNull(arguments, "arguments is null");
        branches = List.copyOf(branches);
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override
    public String type() {
        return "Parallel";
    }
}
