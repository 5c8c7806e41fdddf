package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * How the corpus's Python Lambda handlers print a decoded JSON event: {@link #str} is Python's {@code str()}
 * ({@code {'a': 1, 'b': None, 'c': True}}), {@link #jsonDumps} is {@code json.dumps} with its defaults
 * ({@code {"a": 1}}, ASCII only). JSON floats print as Python floats ({@code 1.0}, {@code 1e+16}).
 */
public final class PythonText {
    private PythonText() {}

    /** Python {@code str(value)} of the value {@code json.loads} would produce. */
    public static String str(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, false);
        return out.toString();
    }

    /** Python {@code json.dumps(value)} with default separators and {@code ensure_ascii}. */
    public static String jsonDumps(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, true);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out, boolean json) {
        switch (value.getNodeType()) {
            case NULL, MISSING -> out.append(json ? "null" : "None");
            case BOOLEAN -> out.append(json ? String.valueOf(value.booleanValue())
                    : value.booleanValue() ? "True" : "False");
            case NUMBER -> out.append(value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : floatRepr(value.decimalValue()));
            case STRING -> out.append(json ? jsonString(value.textValue()) : reprString(value.textValue()));
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(value.get(i), out, json);
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    out.append(json ? jsonString(field.getKey()) : reprString(field.getKey())).append(": ");
                    write(field.getValue(), out, json);
                    if (fields.hasNext()) {
                        out.append(", ");
                    }
                }
                out.append('}');
            }
            case BINARY, POJO -> throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
        }
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(BigDecimal decimal) {
        double d = decimal.doubleValue();
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String reprString(String s) {
        // Python prefers single quotes and switches to double quotes only to avoid escaping a single quote.
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
