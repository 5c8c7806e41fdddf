package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One top-level entry of a Choice state's {@code Choices}: a rule, the state it leads to, and its {@code Assign}. */
public record Choice(ChoiceRule rule, String next, Optional<Template> assign, Optional<com.fasterxml.jackson.databind.JsonNode> output) {
    public Choice {
        requireNonNull(rule, "rule is null");
        requireNonNull(next, "next is null");
        requireNonNull(assign, "assign is null");
        requireNonNull(output, "output is null");
    }
}
