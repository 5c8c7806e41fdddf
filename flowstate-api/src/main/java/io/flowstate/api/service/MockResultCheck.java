package io.flowstate.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a TestState mock result against its {@link MockSchema}, as AWS's {@code fieldValidationMode} asks:
 * {@code STRICT} (the default) wants every required field and checks every present one, {@code PRESENT} checks
 * only the present ones, {@code NONE} nothing. Fields the schema does not know pass (AWS accepts them), and a
 * structure's field matches a member by its name with the first letter in upper case, as Step Functions
 * writes SDK results.
 *
 * <p>The messages are AWS's as recorded ("must be a number", "must be a string", "must be an array", "is not an
 * expected value", "is smaller than the minimum length", "is less than the minimum value", "exceeds the
 * maximum value"); "must be an object", "must be a boolean", "is larger than the maximum length" and the missing
 * required field's message follow the same pattern but are not recorded.
 */
final class MockResultCheck {
    private final MockSchema schema;
    private final boolean strict;

    private MockResultCheck(MockSchema schema, boolean strict) {
        this.schema = schema;
        this.strict = strict;
    }

    /** The problem with {@code result} under {@code mode} (STRICT, PRESENT or NONE), if any. */
    static Optional<String> problem(MockSchema schema, String mode, JsonNode result) {
        if (mode.equals("NONE")) {
            return Optional.empty();
        }
        return new MockResultCheck(schema, !mode.equals("PRESENT")).value(result, schema.output(), null);
    }

    private Optional<String> value(JsonNode v, String shapeName, String field) {
        JsonNode shape = schema.shapes().path(shapeName);
        if (field != null && schema.lenient().contains(field)) {
            return Optional.empty();
        }
        return switch (shape.path("type").asText()) {
            case "structure" -> structure(v, shape, field);
            case "list" -> list(v, shape, field);
            case "map" -> map(v, shape, field);
            case "string", "timestamp" -> string(v, shape, field);
            case "blob" -> v.isTextual() ? length(v.textValue().length(), shape, field) : type("a string", field);
            case "integer", "long" -> v.isIntegralNumber() ? range(v.doubleValue(), shape, field) : type("a number", field);
            case "float", "double" -> v.isNumber() ? range(v.doubleValue(), shape, field) : type("a number", field);
            case "boolean" -> v.isBoolean() ? Optional.empty() : type("a boolean", field);
            default -> Optional.empty();
        };
    }

    private Optional<String> structure(JsonNode v, JsonNode shape, String field) {
        if (!v.isObject()) {
            return field == null ? Optional.of("Mocked result must be a JSON object.") : type("an object", field);
        }
        JsonNode members = shape.path("members");
        if (strict) {
            for (JsonNode required : shape.path("required")) {
                String name = upper(required.asText());
                if (!v.has(name)) {
                    return Optional.of("Mock result schema validation error: Required field '" + name + "' is missing");
                }
            }
        }
        Map<String, String> byName = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> m : members.properties()) {
            byName.put(upper(m.getKey()), m.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String member = byName.get(e.getKey());
            if (member != null && !e.getValue().isNull()) {
                Optional<String> p = value(e.getValue(), member, e.getKey());
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> list(JsonNode v, JsonNode shape, String field) {
        return v.isArray() ? each(v, shape.path("member").asText(), field) : type("an array", field);
    }

    private Optional<String> map(JsonNode v, JsonNode shape, String field) {
        return v.isObject() ? each(v, shape.path("value").asText(), field) : type("an object", field);
    }

    /** The first problem among a list's items or a map's values, each named after the list or map's field. */
    private Optional<String> each(JsonNode values, String shapeName, String field) {
        for (JsonNode item : values) {
            Optional<String> p = value(item, shapeName, field);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private Optional<String> string(JsonNode v, JsonNode shape, String field) {
        if (!v.isTextual()) {
            return type("a string", field);
        }
        if (shape.has("enum")) {
            for (JsonNode allowed : shape.path("enum")) {
                if (allowed.asText().equals(v.textValue())) {
                    return Optional.empty();
                }
            }
            return Optional.of(message(field, "is not an expected value"));
        }
        return length(v.textValue().codePointCount(0, v.textValue().length()), shape, field);
    }

    private static Optional<String> length(int length, JsonNode shape, String field) {
        if (shape.has("min") && length < shape.path("min").asDouble()) {
            return Optional.of(message(field, "is smaller than the minimum length"));
        }
        if (shape.has("max") && length > shape.path("max").asDouble()) {
            return Optional.of(message(field, "is larger than the maximum length"));
        }
        return Optional.empty();
    }

    private static Optional<String> range(double value, JsonNode shape, String field) {
        if (shape.has("min") && value < shape.path("min").asDouble()) {
            return Optional.of(message(field, "is less than the minimum value"));
        }
        if (shape.has("max") && value > shape.path("max").asDouble()) {
            return Optional.of(message(field, "exceeds the maximum value"));
        }
        return Optional.empty();
    }

    private static Optional<String> type(String expected, String field) {
        return Optional.of(message(field, "must be " + expected));
    }

    private static String message(String field, String problem) {
        return "Mock result schema validation error: Field '" + field + "' " + problem;
    }

    private static String upper(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
