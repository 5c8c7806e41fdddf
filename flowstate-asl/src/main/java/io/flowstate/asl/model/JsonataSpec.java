package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The JSONata-mode fields of a state, kept as written ({@code {% ... %}} strings inside JSON values) until the
 * JSONata evaluator compiles them: {@code Arguments} and {@code Output}.
 */
public record JsonataSpec(Optional<JsonNode> arguments, Optional<JsonNode> output) {
    /** Neither field present. */
    public static final JsonataSpec NONE = new JsonataSpec(Optional.empty(), Optional.empty());

    public JsonataSpec {
        requireNonNull(arguments, "arguments is null");
        requireNonNull(output, "output is null");
    }
}
