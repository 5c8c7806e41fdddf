package io.flowstate.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code $states} for the JSONata library: each entry is converted to the library's Java values only when an
 * expression reads it, so {@code $states.input.x} does not pay for converting the context object.
 */
final class LazyJavaMap extends AbstractMap<String, Object> {
    private final Map<String, Supplier<JsonNode>> sources;
    private final Map<String, Object> converted = new HashMap<>();

    LazyJavaMap(Map<String, Supplier<JsonNode>> sources) {
        this.sources = sources;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !sources.containsKey(name)) {
            return null;
        }
        return converted.computeIfAbsent(name, k -> JavaValues.toJava(sources.get(k).get()));
    }

    @Override
    public boolean containsKey(Object key) {
        return sources.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        sources.keySet().forEach(k -> all.put(k, get(k)));
        return all.entrySet();
    }
}
