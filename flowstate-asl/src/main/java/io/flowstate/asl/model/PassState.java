package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code "Type": "Pass"}: passes its input (or {@code Result}) to its output. */
public record PassState(StateCommon common, Transition transition, IoSpec io, Optional<JsonNode> result) implements State {
    public PassState {
        requireNonNull(common, "common is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(io, "io is null");
        requireNonNull(result, "result is null");
    }

    @Override
    public String type() {
        return "Pass";
    }
}
