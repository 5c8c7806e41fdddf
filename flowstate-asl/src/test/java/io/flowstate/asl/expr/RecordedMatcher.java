package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an actual value with a recorded one as the corpus README describes: {@code <...>} tokens are
 * wildcards, the literals {@code date}/{@code timestamp}/{@code datetime} and test-specific replacement values
 * match anything, numbers compare by value, object key order does not matter.
 */
final class RecordedMatcher {
    private static final Pattern TOKEN = Pattern.compile("<[^<>]+>");
    private final Set<String> wildcards;

    RecordedMatcher(Set<String> wildcards) {
        this.wildcards = wildcards;
    }

    boolean matches(JsonNode expected, JsonNode actual) {
        if (expected == null || actual == null) {
            return expected == actual || (expected != null && expected.isNull() && actual == null);
        }
        if (expected.isTextual()) {
            return text(expected.textValue(), actual);
        }
        if (expected.isNumber()) {
            return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject()) {
            if (!actual.isObject() || actual.size() != expected.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                if (!matches(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    boolean text(String expected, JsonNode actual) {
        if (wildcards.contains(expected)) {
            return true;
        }
        if (!actual.isTextual()) {
            return false;
        }
        return pattern(expected).matcher(actual.textValue()).matches();
    }

    private static Pattern pattern(String expected) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TOKEN.matcher(expected);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start()))).append("(?s:.+?)");
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
