package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.expr.EvaluationException;
import java.util.Map;

/**
 * Argument checks shared by the functions. Every failure is AWS's single envelope: {@code States.Runtime},
 * "Invalid arguments in States.X".
 */
final class Checks {
    /** AWS's limit on the string argument of Base64Encode, Base64Decode and Hash. */
    static final int MAX_STRING_LENGTH = 10_000;

    private Checks() {}

    static EvaluationException invalid(IntrinsicFunction fn) {
        return new EvaluationException("States.Runtime", "Invalid arguments in " + fn.name());
    }

    static void count(Invocation inv, IntrinsicFunction fn, int expected) {
        if (inv.size() != expected) {
            throw invalid(fn);
        }
    }

    static ArrayNode array(Invocation inv, int i, IntrinsicFunction fn) {
        if (inv.value(i) instanceof ArrayNode array) {
            return array;
        }
        throw invalid(fn);
    }

    static String string(Invocation inv, int i, IntrinsicFunction fn) {
        JsonNode v = inv.value(i);
        if (!v.isTextual()) {
            throw invalid(fn);
        }
        return v.textValue();
    }

    /**
     * A number cut to a whole number towards zero. AWS documents rounding, but observed runs of ArrayRange,
     * ArrayPartition, ArrayGetItem and MathRandom truncate (2.6 behaves as 2; MathRandom(1.6, 5.4) can return 1).
     */
    static long truncated(Invocation inv, int i, IntrinsicFunction fn) {
        JsonNode v = inv.value(i);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw invalid(fn);
        }
        return v.isIntegralNumber() ? v.longValue() : (long) v.doubleValue();
    }

    /** The same check as {@link #truncated} restricted to the 32-bit range AWS's integers have. */
    static int truncatedInt(Invocation inv, int i, IntrinsicFunction fn) {
        long value = truncated(inv, i, fn);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(fn);
        }
        return (int) value;
    }

    /** JSON equality where numbers compare by value (1 equals 1.0), objects regardless of key order. */
    static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!jsonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !jsonEquals(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
