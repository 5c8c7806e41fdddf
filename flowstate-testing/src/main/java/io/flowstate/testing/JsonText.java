package io.flowstate.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;

/** JSON text written in tests, parsed with a message that says which text was wrong. */
final class JsonText {
    private JsonText() {}

    /** {@code text} as JSON; {@link IllegalArgumentException} naming {@code what} when it is not JSON. */
    static JsonNode parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON (" + e.getOriginalMessage() + "): " + text);
        }
    }
}
