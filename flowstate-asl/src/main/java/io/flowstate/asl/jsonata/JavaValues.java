package io.flowstate.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library works on (maps, lists, strings,
 * numbers, booleans, {@link Jsonata#NULL_VALUE} for JSON {@code null}; Java {@code null} is JSONata's
 * undefined).
 *
 * <p>Numbers follow JavaScript, as AWS's JSONata does: one number type (double), written without a fraction
 * when whole, and the non-finite values written as the strings {@code "Infinity"}, {@code "-Infinity"} and
 * {@code "NaN"} (what AWS answers for {@code 1/0}).
 */
final class JavaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** JavaScript writes whole numbers below this without an exponent. */
    private static final double PLAIN_LIMIT = 1e21;

    private JavaValues() {}

    /** The library's value for a JSON tree. */
    static Object toJava(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    map.put(e.getKey(), toJava(e.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRING -> node.textValue();
            case NUMBER -> number(node);
            case BOOLEAN -> node.booleanValue();
            case NULL, MISSING -> Jsonata.NULL_VALUE;
            case BINARY, POJO -> node.asText();
        };
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
        }
        return node.doubleValue();
    }

    /**
     * The JSON tree for a library value; empty for undefined. Throws {@link UnsupportedValueException} for a
     * value JSON cannot hold (a function, a regular expression).
     */
    static Optional<JsonNode> toJson(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(toNode(value));
    }

    private static JsonNode toNode(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                // An undefined member is left out, as JSON.stringify does.
                if (e.getValue() != null) {
                    obj.set(String.valueOf(e.getKey()), toNode(e.getValue()));
                }
            }
            return obj;
        }
        if (value instanceof List<?> list) {
            ArrayNode arr = NODES.arrayNode(list.size());
            for (Object item : list) {
                arr.add(toNode(item));
            }
            return arr;
        }
        throw new UnsupportedValueException();
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.longValue());
        }
        if (n instanceof BigInteger bi) {
            return NODES.numberNode(bi);
        }
        double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
        if (Double.isNaN(d)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(d)) {
            return NODES.textNode(d > 0 ? "Infinity" : "-Infinity");
        }
        if (d == Math.rint(d) && Math.abs(d) < PLAIN_LIMIT) {
            if (Math.abs(d) < 0x1p63) {
                return NODES.numberNode((long) d);
            }
            return NODES.numberNode(BigDecimal.valueOf(d).toBigInteger());
        }
        return NODES.numberNode(d);
    }

    /** A value that has no JSON form: a function or a regular expression. */
    static final class UnsupportedValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedValueException() {
            super("unsupported result type", null, false, false);
        }
    }
}
