package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deep comparison of a recorded (expected) JSON value with a normalised actual one, by the corpus README's
 * rules: object key order is not significant, arrays are ordered, numbers compare by value (as Python's
 * {@code ==} did when the recording was checked), an expected object or array matches an actual JSON
 * <em>string</em> holding it, the literals {@code date}, {@code timestamp} and {@code datetime} match any value,
 * and strings with {@code <token>} placeholders match as patterns ({@link TokenPattern}).
 */
public final class JsonComparator {
    static final Set<String> ANY_VALUE_LITERALS = Set.of("date", "timestamp", "datetime",
            // Corpus README step 10: request and trace ids inside service results were recorded as fixed strings.
            "x-amzn-RequestId", "X-Amzn-Trace-Id", "RequestId");

    private JsonComparator() {}

    /** The differences between {@code expected} and {@code actual}, empty when they match. */
    public static List<Difference> compare(String path, JsonNode expected, JsonNode actual, Bindings bindings) {
        List<Difference> differences = new ArrayList<>();
        compare(path, expected, actual, bindings, differences);
        return differences;
    }

    static void compare(String path, JsonNode expected, JsonNode actual, Bindings bindings, List<Difference> out) {
        if (expected.isTextual() && ANY_VALUE_LITERALS.contains(expected.textValue())) {
            return;
        }
        if ((expected.isContainerNode()) && actual.isTextual()) {
            Optional<JsonNode> parsed = Json.tryParse(actual.textValue());
            if (parsed.isEmpty()) {
                out.add(Difference.mismatch(path, expected, actual));
                return;
            }
            actual = parsed.get();
        }
        if (expected.isObject() && actual.isObject()) {
            compareObjects(path, expected, actual, bindings, out);
        } else if (expected.isArray() && actual.isArray()) {
            compareArrays(path, expected, actual, bindings, out);
        } else if (expected.isTextual()) {
            if (!textMatches(expected.textValue(), actual, bindings)) {
                out.add(Difference.mismatch(path, expected, actual));
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(Difference.mismatch(path, expected, actual));
            }
        } else if (!expected.equals(actual)) {
            out.add(Difference.mismatch(path, expected, actual));
        }
    }

    private static boolean textMatches(String expected, JsonNode actual, Bindings bindings) {
        if (actual.isTextual() && expected.equals(actual.textValue())) {
            return true;
        }
        // A token may stand for a number or boolean too (a placeholder replaced a whole scalar value).
        boolean scalar = actual.isTextual() || actual.isNumber() || actual.isBoolean();
        return scalar && TokenPattern.hasTokens(expected) && TokenPattern.matches(expected, actual.asText(), bindings);
    }

    private static void compareObjects(String path, JsonNode expected, JsonNode actual, Bindings bindings,
            List<Difference> out) {
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (!actual.has(name)) {
                out.add(new Difference(childPath, "missing (expected " + Difference.shorten(expected.get(name)) + ")"));
            } else {
                compare(childPath, expected.get(name), actual.get(name), bindings, out);
            }
        }
        for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.has(name)) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                out.add(new Difference(childPath, "unexpected field " + Difference.shorten(actual.get(name))));
            }
        }
    }

    private static void compareArrays(String path, JsonNode expected, JsonNode actual, Bindings bindings,
            List<Difference> out) {
        if (expected.size() != actual.size()) {
            out.add(new Difference(path, "expected " + expected.size() + " items got " + actual.size()
                    + ": expected " + Difference.shorten(expected) + " got " + Difference.shorten(actual)));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(path + "[" + i + "]", expected.get(i), actual.get(i), bindings, out);
        }
    }
}
