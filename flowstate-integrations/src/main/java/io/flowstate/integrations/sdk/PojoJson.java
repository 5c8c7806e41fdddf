package io.flowstate.integrations.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between JSON in AWS's shapes (PascalCase member names, as Step Functions writes service parameters
 * and results) and the SDK's model objects, through the field metadata ({@link SdkField}) the SDK generates for
 * every shape. Members absent from the JSON stay unset; unset members are left out of the JSON.
 */
public final class PojoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PojoJson() {}

    /** The parameter a JSON object names no member for. */
    public static final class UnknownFieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownFieldException(String message) {
            super(message);
        }
    }

    /** Sets every member of {@code builder} that {@code json} names (case-insensitively), and builds it. */
    public static Object build(SdkPojo builder, JsonNode json, String path) {
        fill(builder, json, path);
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static void fill(SdkPojo builder, JsonNode json, String path) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("The value at " + path + " must be an object, not " + Json.write(json));
        }
        Map<String, SdkField<?>> byName = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            byName.put(f.memberName().toLowerCase(Locale.ROOT), f);
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            SdkField<?> field = byName.get(e.getKey().toLowerCase(Locale.ROOT));
            if (field == null) {
                throw new UnknownFieldException("The field \"" + e.getKey() + "\" is not supported by the action ("
                        + path + ")");
            }
            if (e.getValue().isNull()) {
                continue;
            }
            field.set(builder, toSdk(field, e.getValue(), path + "." + field.memberName()));
        }
    }

    private static Object toSdk(SdkField<?> field, JsonNode v, String path) {
        MarshallingType<?> t = field.marshallingType();
        if (t == MarshallingType.STRING) {
            return v.isTextual() ? v.textValue() : Json.write(v);
        } else if (t == MarshallingType.INTEGER) {
            return v.isTextual() ? Integer.valueOf(v.textValue()) : v.intValue();
        } else if (t == MarshallingType.LONG) {
            return v.isTextual() ? Long.valueOf(v.textValue()) : v.longValue();
        } else if (t == MarshallingType.SHORT) {
            return (short) v.asInt();
        } else if (t == MarshallingType.BYTE) {
            return (byte) v.asInt();
        } else if (t == MarshallingType.FLOAT) {
            return (float) v.asDouble();
        } else if (t == MarshallingType.DOUBLE) {
            return v.asDouble();
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        } else if (t == MarshallingType.BOOLEAN) {
            return v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
        } else if (t == MarshallingType.INSTANT) {
            return instant(v, path);
        } else if (t == MarshallingType.SDK_BYTES) {
            return bytes(v);
        } else if (t == MarshallingType.DOCUMENT) {
            return document(v);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            if (!v.isArray()) {
                throw new IllegalArgumentException("The value at " + path + " must be an array");
            }
            int i = 0;
            for (JsonNode item : v) {
                out.add(item.isNull() ? null : toSdk(member, item, path + "[" + i++ + "]"));
            }
            return out;
        } else if (t == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                out.put(e.getKey(), e.getValue().isNull() ? null : toSdk(value, e.getValue(), path + "." + e.getKey()));
            }
            return out;
        } else if (t == MarshallingType.SDK_POJO) {
            return build(field.constructor().get(), v, path);
        }
        throw new IllegalArgumentException("The value at " + path + " has a type Flowstate cannot send: " + t);
    }

    /** Blobs: base64 text as the JSON protocols carry them; other text as its UTF-8 bytes. */
    private static SdkBytes bytes(JsonNode v) {
        if (!v.isTextual()) {
            return SdkBytes.fromUtf8String(Json.write(v));
        }
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.textValue()));
        } catch (IllegalArgumentException notBase64) {
            return SdkBytes.fromUtf8String(v.textValue());
        }
    }

    private static Instant instant(JsonNode v, String path) {
        if (v.isNumber()) {
            return Instant.ofEpochMilli((long) (v.doubleValue() * 1000));
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The value at " + path + " is not a timestamp: " + v.asText(), e);
        }
    }

    /** How timestamps are written: ISO-8601 text (SDK v2, aws-sdk:*) or epoch milliseconds (SDK v1, optimized). */
    public enum Timestamps { ISO, EPOCH_MILLIS }

    /** Every set member of {@code pojo} as JSON, PascalCase as the SDK's model names them, timestamps as ISO text. */
    public static ObjectNode write(SdkPojo pojo) {
        return write(pojo, Timestamps.ISO);
    }

    /** Every set member of {@code pojo} as JSON, in PascalCase. */
    public static ObjectNode write(SdkPojo pojo, Timestamps ts) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object value = f.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            // AWS's integrations write every member name with a capital first letter, whatever the API's own
            // casing (Step Functions' API says executionArn, its integration ExecutionArn).
            out.set(SdkService.capitalize(f.memberName()), toJson(f, value, ts));
        }
        return out;
    }

    private static JsonNode toJson(SdkField<?> field, Object v, Timestamps ts) {
        if (v == null) {
            return NODES.nullNode();
        }
        MarshallingType<?> t = field.marshallingType();
        if (t == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode a = NODES.arrayNode();
            for (Object item : (List<?>) v) {
                a.add(toJson(member, item, ts));
            }
            return a;
        } else if (t == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                o.set(String.valueOf(e.getKey()), toJson(value, e.getValue(), ts));
            }
            return o;
        }
        return scalar(v, ts);
    }

    private static JsonNode scalar(Object v, Timestamps ts) {
        return switch (v) {
            case String s -> NODES.textNode(s);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case Boolean b -> NODES.booleanNode(b);
            case Instant i -> ts == Timestamps.ISO ? NODES.textNode(i.toString()) : NODES.numberNode(i.toEpochMilli());
            case SdkBytes b -> NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
            case Document d -> documentJson(d);
            case SdkPojo p -> write(p, ts);
            case Enum<?> e -> NODES.textNode(e.toString());
            default -> NODES.textNode(String.valueOf(v));
        };
    }

    private static Document document(JsonNode v) {
        if (v.isObject()) {
            Map<String, Document> m = new LinkedHashMap<>();
            v.properties().forEach(e -> m.put(e.getKey(), document(e.getValue())));
            return Document.fromMap(m);
        } else if (v.isArray()) {
            List<Document> l = new ArrayList<>();
            v.forEach(x -> l.add(document(x)));
            return Document.fromList(l);
        } else if (v.isTextual()) {
            return Document.fromString(v.textValue());
        } else if (v.isBoolean()) {
            return Document.fromBoolean(v.booleanValue());
        } else if (v.isNumber()) {
            return Document.fromNumber(v.decimalValue());
        }
        return Document.fromNull();
    }

    private static JsonNode documentJson(Document d) {
        if (d.isMap()) {
            ObjectNode o = NODES.objectNode();
            d.asMap().forEach((k, x) -> o.set(k, documentJson(x)));
            return o;
        } else if (d.isList()) {
            ArrayNode a = NODES.arrayNode();
            d.asList().forEach(x -> a.add(documentJson(x)));
            return a;
        } else if (d.isString()) {
            return NODES.textNode(d.asString());
        } else if (d.isBoolean()) {
            return NODES.booleanNode(d.asBoolean());
        } else if (d.isNumber()) {
            return NODES.numberNode(d.asNumber().bigDecimalValue());
        }
        return NODES.nullNode();
    }

    /** Text as UTF-8 bytes (a streaming body such as S3's). */
    public static byte[] utf8(JsonNode v) {
        return (v.isTextual() ? v.textValue() : Json.write(v)).getBytes(StandardCharsets.UTF_8);
    }
}
