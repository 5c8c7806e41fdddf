package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** {@code "Type": "Choice"}: goes to the first matching choice's {@code Next}, else to {@code Default}. */
public record ChoiceState(StateCommon common, IoSpec io, List<Choice> choices, Optional<String> defaultState)
        implements State {
    public ChoiceState {
        requireNonNull(common, "common is null");
        requireNonNull(io, "io is null");
        choices = List.copyOf(choices);
        requireNonNull(defaultState, "defaultState is null");
    }

    @Override
    public String type() {
        return "Choice";
    }
}
