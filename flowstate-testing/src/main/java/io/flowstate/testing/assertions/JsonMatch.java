package io.flowstate.testing.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;

/**
 * JSON comparison as a test means it: numbers equal by value ({@code 1}, {@code 1.0} and a long 1 are one
 * number, as in JSON text), and "containing" for partial expectations.
 */
final class JsonMatch {
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonMatch() {}

    /** Whether {@code actual} and {@code expected} are the same JSON value. */
    static boolean equal(JsonNode actual, JsonNode expected) {
        return actual.equals(BY_VALUE, expected);
    }

    /**
     * Whether {@code actual} contains {@code expected}: an object has every field of the expected one, with a
     * containing value (other fields may be present); an array has as many elements, each containing the
     * expected one at its index; any other value is equal.
     */
    static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                JsonNode value = actual.get(field.getKey());
                if (value == null || !contains(value, field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return equal(actual, expected);
    }
}
