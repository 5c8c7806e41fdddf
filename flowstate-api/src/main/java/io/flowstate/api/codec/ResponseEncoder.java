package io.flowstate.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an operation's response record as AWS JSON 1.0: record components become members of the same name,
 * empty {@code Optional}s are left out, {@link Instant}s are epoch seconds with milliseconds (the protocol's
 * timestamp format), enums their names, {@code JsonNode}s as they are.
 */
public final class ResponseEncoder {
    private ResponseEncoder() {}

    /** The JSON object for {@code response}. */
    public static ObjectNode encode(Record response) {
        ObjectNode out = Json.object();
        for (RecordShape.Component c : RecordShape.of(response.getClass()).components()) {
            Object v = c.read(response);
            if (v instanceof Optional<?> o) {
                v = o.orElse(null);
            }
            if (v != null) {
                out.set(c.name(), value(v));
            }
        }
        return out;
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case JsonNode n -> n;
            case String s -> Json.mapper().getNodeFactory().textNode(s);
            case Boolean b -> Json.mapper().getNodeFactory().booleanNode(b);
            case Integer i -> Json.mapper().getNodeFactory().numberNode(i);
            case Long l -> Json.mapper().getNodeFactory().numberNode(l);
            case Double d -> Json.mapper().getNodeFactory().numberNode(d);
            case Instant t -> Json.mapper().getNodeFactory().numberNode(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
            case Enum<?> e -> Json.mapper().getNodeFactory().textNode(e.name());
            case Record r -> encode(r);
            case Collection<?> list -> {
                ArrayNode a = Json.mapper().createArrayNode();
                list.forEach(item -> a.add(value(item)));
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = Json.object();
                map.forEach((k, item) -> o.set(String.valueOf(k), value(item)));
                yield o;
            }
            default -> throw new IllegalStateException("no encoding for " + v.getClass());
        };
    }
}
