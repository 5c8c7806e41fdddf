package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Read access to the workflow variables visible from a state (its own scope and the enclosing ones). */
@FunctionalInterface
public interface Variables {
    /** The value bound to {@code name}, or empty when no visible scope binds it. */
    Optional<JsonNode> get(String name);

    /** No variables at all. */
    Variables NONE = name -> Optional.empty();

    /** Variables backed by an immutable map. */
    static Variables of(Map<String, JsonNode> values) {
        Map<String, JsonNode> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
