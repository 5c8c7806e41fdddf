package io.flowstate.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.util.Optional;

/** JSON text that services, functions and processes return, and that may not be JSON. */
public final class JsonText {
    private JsonText() {}

    /** {@code text} parsed, or empty when it is not one JSON value. */
    public static Optional<JsonNode> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parse(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
