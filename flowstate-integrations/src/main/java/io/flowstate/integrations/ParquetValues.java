package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How a Parquet row becomes a JSON item. AWS documents that each row is one item but not how each type is
 * written, so Flowstate writes the natural JSON:
 * <ul>
 *   <li>a row is an object with every column as a member, in schema order; a null (absent optional) value is
 *       JSON {@code null};</li>
 *   <li>BOOLEAN is a boolean; INT32, INT64 (signed or unsigned), FLOAT, DOUBLE and FLOAT16 are numbers (an
 *       unsigned INT64 past {@code Long.MAX_VALUE} stays exact); NaN and the infinities, which JSON has no
 *       number for, are the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};</li>
 *   <li>DECIMAL is an exact number with its scale ({@code 12.30});</li>
 *   <li>STRING, ENUM and JSON columns are strings (a JSON column is not parsed: its text is the value); UUID is
 *       the canonical {@code 8-4-4-4-12} string; other BINARY and FIXED_LEN_BYTE_ARRAY values (and BSON,
 *       INTERVAL) are base64 strings;</li>
 *   <li>DATE is {@code yyyy-MM-dd}; TIME is ISO-8601 ({@code 13:45:30.123}); TIMESTAMP is ISO-8601, with
 *       {@code Z} when adjusted to UTC ({@code 2024-05-01T12:00:00Z}) and without an offset when local; the
 *       legacy INT96 timestamps (written by Hive, Impala, Spark and Athena) are UTC instants;</li>
 *   <li>a LIST is an array, a MAP an object keyed by the key's text, any other group (a struct) an object, and a
 *       repeated field without LIST (the legacy layout) an array.</li>
 * </ul>
 */
final class ParquetValues {
    private static final JsonNodeFactory NODES = Json.nodes();
    /** The Julian day of 1970-01-01, where INT96 timestamps count their days from. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    /** ISO-8601 always with seconds ({@code toString} drops zero seconds: {@code 13:45}), as Instant's text has. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private ParquetValues() {}

    /** The item for one row. */
    static ObjectNode row(Group row) {
        return struct(row);
    }

    private static ObjectNode struct(Group g) {
        ObjectNode out = NODES.objectNode();
        GroupType type = g.getType();
        for (int i = 0; i < type.getFieldCount(); i++) {
            out.set(type.getFieldName(i), field(g, i, type.getType(i)));
        }
        return out;
    }

    private static JsonNode field(Group g, int i, Type t) {
        int count = g.getFieldRepetitionCount(i);
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            ArrayNode a = NODES.arrayNode();
            for (int k = 0; k < count; k++) {
                a.add(value(g, i, k, t));
            }
            return a;
        }
        return count == 0 ? NODES.nullNode() : value(g, i, 0, t);
    }

    private static JsonNode value(Group g, int i, int k, Type t) {
        if (t.isPrimitive()) {
            return primitive(g, i, k, t.asPrimitiveType());
        }
        Group inner = g.getGroup(i, k);
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return list(inner);
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            return map(inner);
        }
        return struct(inner);
    }

    /**
     * A LIST group holds one repeated field; its elements are that field's values, or, in the standard three-level
     * layout (a repeated group of one field, {@code element}), that field of each.
     */
    private static ArrayNode list(Group list) {
        ArrayNode out = NODES.arrayNode();
        Type repeated = list.getType().getType(0);
        boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                && repeated.getLogicalTypeAnnotation() == null;
        for (int k = 0; k < list.getFieldRepetitionCount(0); k++) {
            if (threeLevel) {
                Group element = list.getGroup(0, k);
                out.add(field(element, 0, repeated.asGroupType().getType(0)));
            } else {
                out.add(value(list, 0, k, repeated));
            }
        }
        return out;
    }

    /** A MAP group holds a repeated {@code key_value} group of {@code key} and {@code value}. */
    private static ObjectNode map(Group map) {
        ObjectNode out = NODES.objectNode();
        GroupType entryType = map.getType().getType(0).asGroupType();
        for (int k = 0; k < map.getFieldRepetitionCount(0); k++) {
            Group entry = map.getGroup(0, k);
            JsonNode key = field(entry, 0, entryType.getType(0));
            JsonNode value = entryType.getFieldCount() > 1 ? field(entry, 1, entryType.getType(1)) : NODES.nullNode();
            out.set(key.isTextual() ? key.textValue() : key.toString(), value);
        }
        return out;
    }

    private static JsonNode primitive(Group g, int i, int k, PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return switch (t.getPrimitiveTypeName()) {
            case BOOLEAN -> NODES.booleanNode(g.getBoolean(i, k));
            case INT32 -> int32(g.getInteger(i, k), a);
            case INT64 -> int64(g.getLong(i, k), a);
            case FLOAT -> floating(g.getFloat(i, k));
            case DOUBLE -> floating(g.getDouble(i, k));
            case INT96 -> NODES.textNode(int96(g.getInt96(i, k)).toString());
            case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(g.getBinary(i, k), a);
        };
    }

    private static JsonNode int32(int v, LogicalTypeAnnotation a) {
        if (a instanceof DecimalLogicalTypeAnnotation d) {
            return NODES.numberNode(BigDecimal.valueOf(v, d.getScale()));
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return NODES.textNode(LocalDate.ofEpochDay(v).toString());
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
            return NODES.textNode(LOCAL_TIME.format(LocalTime.ofNanoOfDay(v * 1_000_000L)));
        }
        if (a instanceof IntLogicalTypeAnnotation n && !n.isSigned()) {
            return NODES.numberNode(Integer.toUnsignedLong(v));
        }
        return NODES.numberNode(v);
    }

    private static JsonNode int64(long v, LogicalTypeAnnotation a) {
        if (a instanceof DecimalLogicalTypeAnnotation d) {
            return NODES.numberNode(BigDecimal.valueOf(v, d.getScale()));
        }
        if (a instanceof TimestampLogicalTypeAnnotation ts) {
            Instant at = instant(v, ts.getUnit());
            return NODES.textNode(ts.isAdjustedToUTC() ? at.toString()
                    : LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        }
        if (a instanceof TimeLogicalTypeAnnotation time) {
            long nanos = time.getUnit() == TimeUnit.MICROS ? v * 1_000L : time.getUnit() == TimeUnit.MILLIS
                    ? v * 1_000_000L : v;
            return NODES.textNode(LOCAL_TIME.format(LocalTime.ofNanoOfDay(nanos)));
        }
        if (a instanceof IntLogicalTypeAnnotation n && !n.isSigned() && v < 0) {
            return NODES.numberNode(new BigInteger(Long.toUnsignedString(v)));
        }
        return NODES.numberNode(v);
    }

    private static Instant instant(long v, TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        };
    }

    /** INT96: 8 bytes of nanoseconds in the day, then 4 of the Julian day, both little-endian. */
    static Instant int96(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = buf.getLong();
        long day = Integer.toUnsignedLong(buf.getInt());
        return Instant.ofEpochSecond((day - JULIAN_EPOCH_DAY) * 86_400L, nanos);
    }

    private static JsonNode floating(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }

    private static JsonNode floating(float v) {
        return Float.isNaN(v) || Float.isInfinite(v) ? floating((double) v) : NODES.numberNode(v);
    }

    private static JsonNode binary(Binary b, LogicalTypeAnnotation a) {
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return NODES.textNode(b.toStringUsingUTF8());
        }
        if (a instanceof DecimalLogicalTypeAnnotation d) {
            return NODES.numberNode(new BigDecimal(new BigInteger(b.getBytes()), d.getScale()));
        }
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation && b.length() == 16) {
            ByteBuffer buf = b.toByteBuffer();
            return NODES.textNode(new UUID(buf.getLong(), buf.getLong()).toString());
        }
        if (a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation && b.length() == 2) {
            ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            return floating(Float.float16ToFloat(buf.getShort()));
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(b.getBytes()));
    }
}
