package io.flowstate.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a request body (a JSON object) into an operation's request record, the way AWS's JSON front end does:
 * a value of the wrong JSON type is a {@code SerializationException}; then every member is checked against the
 * model ({@link Constraint}, required members, enum values) and all violations are reported together in one
 * {@code ValidationException} with AWS's wording ("2 validation errors detected: Value ... at '...' failed to
 * satisfy constraint: ...; ..."). Unknown members are ignored, as AWS ignores them.
 *
 * <p>Mapping: a plain component is required ({@code String}, an enum, a record); {@code Optional<T>} is optional;
 * {@code List<T>} is optional and empty when absent; {@code boolean} is false when absent; {@code JsonNode}
 * components take any JSON value. A JSON {@code null} counts as absent.
 */
public final class RequestDecoder {
    private RequestDecoder() {}

    /** Decodes {@code body} into a {@code type} record. */
    public static <T> T decode(JsonNode body, Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        if (!body.isObject()) {
            throw new ApiException.SerializationException("Start of structure or map found where not expected.");
        }
        List<String> violations = new ArrayList<>();
        @SuppressWarnings("unchecked")
        T value = (T) record(body, type.asSubclass(Record.class), "", violations);
        if (!violations.isEmpty()) {
            int n = violations.size();
            throw new ApiException.ValidationException(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                    + String.join("; ", violations));
        }
        return value;
    }

    private static Object record(JsonNode node, Class<? extends Record> type, String prefix, List<String> violations) {
        RecordShape shape = RecordShape.of(type);
        List<RecordShape.Component> components = shape.components();
        Object[] args = new Object[components.size()];
        int before = violations.size();
        for (int i = 0; i < args.length; i++) {
            RecordShape.Component c = components.get(i);
            JsonNode field = node.get(c.name());
            if (field != null && field.isNull()) {
                field = null;
            }
            args[i] = member(field, c, prefix + c.name(), violations);
        }
        if (violations.size() > before) {
            return null; // reported with the others; the record's own checks would only mask them
        }
        return shape.construct(args);
    }

    private static Object member(JsonNode field, RecordShape.Component c, String path, List<String> violations) {
        Class<?> raw = c.raw();
        Constraint k = c.constraint();
        if (raw == boolean.class) {
            return field != null && bool(field, path);
        }
        if (raw == Optional.class) {
            if (field == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(value(field, c.argument(), k, path, violations));
        }
        if (raw == List.class) {
            if (field == null) {
                if (k != null && k.required()) {
                    violations.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
                }
                return List.of();
            }
            return list(field, c.argument(), k, path, violations);
        }
        if (field == null) {
            violations.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
            return placeholder(raw);
        }
        Object v = value(field, raw, k, path, violations);
        return v == null ? placeholder(raw) : v;
    }

    private static List<Object> list(JsonNode field, Type elementType, Constraint k, String path, List<String> violations) {
        if (!field.isArray()) {
            throw new ApiException.SerializationException("Unexpected value type in payload for '" + path + "'");
        }
        if (k != null && k.minLength() >= 0 && field.size() < k.minLength()) {
            violations.add("Value '[]' at '" + path + "' failed to satisfy constraint: Member must have length greater than or equal to " + k.minLength());
        }
        if (k != null && k.maxLength() >= 0 && field.size() > k.maxLength()) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have length less than or equal to " + k.maxLength());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            JsonNode item = field.get(i);
            String p = path + "." + (i + 1) + ".member";
            if (item.isNull()) {
                violations.add("Value null at '" + p + "' failed to satisfy constraint: Member must not be null");
                continue;
            }
            Object v = value(item, (Class<?>) elementType, null, p, violations);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonNode field, Type type, Constraint k, String path, List<String> violations) {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (raw == JsonNode.class) {
            return field;
        }
        if (raw == String.class) {
            if (!field.isTextual()) {
                throw notA("a string", path);
            }
            String s = field.textValue();
            length(s.codePointCount(0, s.length()), s, k, path, violations);
            return s;
        }
        if (raw == Boolean.class) {
            return bool(field, path);
        }
        if (raw == Integer.class || raw == Long.class) {
            if (!field.isIntegralNumber() || !field.canConvertToLong()) {
                throw notA("an integer", path);
            }
            long n = field.longValue();
            if (raw == Integer.class && !field.canConvertToInt()) {
                throw notA("an integer", path);
            }
            range(n, k, path, violations);
            return raw == Integer.class ? (Object) (int) n : (Object) n;
        }
        if (raw == Double.class) {
            if (!field.isNumber()) {
                throw notA("a number", path);
            }
            double d = field.doubleValue();
            if (k != null && (d < k.min() || d > k.max())) {
                violations.add("Value '" + field.asText() + "' at '" + path + "' failed to satisfy constraint: Member must have value "
                        + (d < k.min() ? "greater than or equal to " + k.min() : "less than or equal to " + k.max()));
            }
            return d;
        }
        if (raw.isEnum()) {
            if (!field.isTextual()) {
                throw notA("a string", path);
            }
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum) constant).name().equals(field.textValue())) {
                    return constant;
                }
            }
            violations.add("Value '" + field.textValue() + "' at '" + path + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + Arrays.toString(raw.getEnumConstants()));
            return null;
        }
        if (raw.isRecord()) {
            if (!field.isObject()) {
                throw notA("a structure", path);
            }
            return record(field, (Class<? extends Record>) raw, path + ".", violations);
        }
        throw new IllegalStateException("no decoding for " + type + " at " + path);
    }

    private static boolean bool(JsonNode field, String path) {
        if (!field.isBoolean()) {
            throw notA("a boolean", path);
        }
        return field.booleanValue();
    }

    private static void length(long length, String value, Constraint k, String path, List<String> violations) {
        if (k == null) {
            return;
        }
        String shown = k.sensitive() ? "Value" : "Value '" + value + "'";
        if (k.minLength() >= 0 && length < k.minLength()) {
            violations.add(shown + " at '" + path + "' failed to satisfy constraint: Member must have length greater than or equal to " + k.minLength());
        } else if (k.maxLength() >= 0 && length > k.maxLength()) {
            violations.add(shown + " at '" + path + "' failed to satisfy constraint: Member must have length less than or equal to " + k.maxLength());
        }
    }

    private static void range(long n, Constraint k, String path, List<String> violations) {
        if (k == null) {
            return;
        }
        if (n < k.min()) {
            violations.add("Value '" + n + "' at '" + path + "' failed to satisfy constraint: Member must have value greater than or equal to " + k.min());
        } else if (n > k.max()) {
            violations.add("Value '" + n + "' at '" + path + "' failed to satisfy constraint: Member must have value less than or equal to " + k.max());
        }
    }

    private static ApiException notA(String what, String path) {
        // AWS's front end names neither the member nor the type; saying both helps and changes no code.
        return new ApiException.SerializationException("Expected " + what + " for '" + path + "'");
    }

    private static Object placeholder(Class<?> raw) {
        // A missing required member is reported with the others; the record still needs a non-null value.
        if (raw == String.class) {
            return "";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        return null;
    }
}
