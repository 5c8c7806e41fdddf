package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One top-level entry of a Choice state's {@code Choices}: a rule, the state it leads to, its {@code Assign} and (JSONata) {@code Output}. */
public record Choice(ChoiceRule rule, String next, Optional<Template> assign, Optional<io.flowstate.asl.jsonata.JsonataTemplate> output) {
    public Choice {
        requireNonNull(rule, "rule is null");
        requireNonNull(next, "next is null");
        requireNonNull(assign, "assign is null");
        requireNonNull(output, "output is null");
    }
}
