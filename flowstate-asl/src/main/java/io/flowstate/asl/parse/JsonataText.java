package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises JSONata expressions: strings written {@code {% ... %}} in JSONata states. */
final class JsonataText {
    private JsonataText() {}

    /** True when {@code v} is a string of the form {@code {% ... %}}. */
    static boolean is(JsonNode v) {
        return v != null && v.isTextual() && is(v.textValue());
    }

    static boolean is(String s) {
        return io.flowstate.asl.jsonata.JsonataTemplate.isExpression(s);
    }
}
