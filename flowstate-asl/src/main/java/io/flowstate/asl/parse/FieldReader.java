package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed access to the fields of one JSON object of a definition. Every wrong type or out-of-range value becomes a
 * diagnostic at the field's location and reads as absent, so the caller carries on and later problems are
 * still reported.
 */
final class FieldReader {
    private final ObjectNode node;
    private final String location;
    private final Diagnostics out;

    FieldReader(ObjectNode node, String location, Diagnostics out) {
        this.node = node;
        this.location = location;
        this.out = out;
    }

    ObjectNode node() {
        return node;
    }

    String location() {
        return location;
    }

    Diagnostics out() {
        return out;
    }

    /** The location of {@code field} inside this object. */
    String at(String field) {
        return Diagnostics.child(location, field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    Optional<JsonNode> value(String field) {
        return Optional.ofNullable(node.get(field));
    }

    Optional<String> string(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            out.schema(Messages.wrongType(field, "a STRING"), at(field));
            return Optional.empty();
        }
        return Optional.of(v.textValue());
    }

    Optional<Boolean> bool(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            out.schema(Messages.wrongType(field, "a BOOLEAN"), at(field));
            return Optional.empty();
        }
        return Optional.of(v.booleanValue());
    }

    /** A whole number in {@code [min, max]}. */
    OptionalLong integer(String field, long min, long max) {
        JsonNode v = node.get(field);
        return v == null ? OptionalLong.empty() : integerValue(v, field, at(field), min, max);
    }

    /** Checks that {@code v} is a whole number in {@code [min, max]}; reports at {@code loc} otherwise. */
    OptionalLong integerValue(JsonNode v, String field, String loc, long min, long max) {
        if (!v.isIntegralNumber()) {
            out.schema(Messages.wrongType(field, "an INTEGER"), loc);
            return OptionalLong.empty();
        }
        if (!v.canConvertToLong() || v.longValue() > max) {
            out.schema(Messages.atMost(field, Long.toString(max)), loc);
            return OptionalLong.empty();
        }
        if (v.longValue() < min) {
            out.schema(Messages.atLeast(field, Long.toString(min)), loc);
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.longValue());
    }

    /** A number in {@code [min, max]}. */
    Optional<Double> number(String field, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isNumber()) {
            out.schema(Messages.wrongType(field, "a NUMBER"), at(field));
            return Optional.empty();
        }
        double d = v.doubleValue();
        if (d < min) {
            out.schema(Messages.atLeast(field, format(min)), at(field));
            return Optional.empty();
        }
        if (d > max) {
            out.schema(Messages.atMost(field, format(max)), at(field));
            return Optional.empty();
        }
        return Optional.of(d);
    }

    Optional<ObjectNode> object(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            out.schema(Messages.wrongType(field, "an OBJECT"), at(field));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) v);
    }

    Optional<ArrayNode> array(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            out.schema(Messages.wrongType(field, "an ARRAY"), at(field));
            return Optional.empty();
        }
        return Optional.of((ArrayNode) v);
    }

    /** One diagnostic naming every missing field, in the order given; true when all are present. */
    boolean require(String... fields) {
        List<String> missing = new ArrayList<>();
        for (String f : fields) {
            if (!node.has(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            out.schema(Messages.required(missing), location);
        }
        return missing.isEmpty();
    }

    /** Fields of this object that are not in {@code allowed}, in document order. */
    List<String> unknown(Collection<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                unknown.add(f);
            }
        }
        return unknown;
    }

    /** Reports every field not in {@code allowed} as not supported, at this object's location. */
    void rejectUnknown(Collection<String> allowed) {
        for (String f : unknown(allowed)) {
            out.schema(Messages.notSupported(f), location);
        }
    }

    /** Reports when more than one of {@code fields} is present (at the first present one); true when fine. */
    boolean atMostOne(String... fields) {
        List<String> present = new ArrayList<>();
        for (String f : fields) {
            if (node.has(f)) {
                present.add(f);
            }
        }
        if (present.size() > 1) {
            out.schema(Messages.atMostOne(present), at(present.get(0)));
            return false;
        }
        return true;
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) + ".0" : Double.toString(d);
    }
}
