package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * JSON equality as the benchmark README means it: objects compare as maps (key order irrelevant), arrays in
 * order, and numbers by value, so an engine that produces {@code 10} as a long, or {@code 1.0} as a
 * BigDecimal, still matches the {@code 10} or {@code 1.0} read from an expected file. (Jackson's own
 * {@code equals} distinguishes IntNode from LongNode.)
 */
public final class JsonEquality {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonEquality() {}

    /** True when {@code a} and {@code b} are the same JSON value. */
    public static boolean equal(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
