package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An AWS SDK v2 model object back in the wire's JSON shape (member names as the API spells them, timestamps
 * as epoch seconds), so what the SDK parsed can be compared with the recorded responses.
 */
final class SdkJson {
    private SdkJson() {}

    static ObjectNode of(SdkPojo pojo) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>)
                    && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>)) {
                out.set(field.locationName(), value(value));
            }
        }
        return out;
    }

    private static JsonNode value(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v) {
            case SdkPojo p -> of(p);
            case String s -> f.textNode(s);
            case Boolean b -> f.booleanNode(b);
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case Float x -> f.numberNode(x);
            case Double d -> f.numberNode(d);
            case Instant t -> f.numberNode(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
            case Collection<?> list -> {
                ArrayNode a = f.arrayNode();
                list.forEach(item -> a.add(value(item)));
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = f.objectNode();
                map.forEach((k, item) -> o.set(String.valueOf(k), value(item)));
                yield o;
            }
            default -> f.textNode(v.toString());
        };
    }
}
