package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.util.ArrayList;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Headers or query parameters in their order, each name with one or more values. Names compare
 * case-insensitively for headers (HTTP field names are) and exactly for query parameters.
 *
 * @param entries the names and their values, each name once
 * @param ignoreCase whether names compare case-insensitively
 */
record NamedValues(List<Entry> entries, boolean ignoreCase) {
    /** One name and its values. */
    record Entry(String name, List<String> values) {
        Entry {
            requireNonNull(name, "name is null");
            values = List.copyOf(values);
        }
    }

    NamedValues {
        entries = List.copyOf(entries);
    }

    static NamedValues headers() {
        return new NamedValues(List.of(), true);
    }

    static NamedValues query() {
        return new NamedValues(List.of(), false);
    }

    /** These values with {@code name} set to {@code values}, in place of any values it had. */
    NamedValues with(String name, List<String> values) {
        List<Entry> next = new ArrayList<>(entries);
        Entry entry = new Entry(name, values);
        for (int i = 0; i < next.size(); i++) {
            if (same(next.get(i).name(), name)) {
                next.set(i, entry);
                return new NamedValues(next, ignoreCase);
            }
        }
        next.add(entry);
        return new NamedValues(next, ignoreCase);
    }

    /**
     * These values merged with {@code winners}: a name in both takes the winners' values, as AWS merges a
     * connection's parameters over the task's.
     */
    NamedValues overriddenBy(NamedValues winners) {
        NamedValues merged = this;
        for (Entry e : winners.entries()) {
            merged = merged.with(e.name(), e.values());
        }
        return merged;
    }

    /** Whether {@code name} has values. */
    boolean has(String name) {
        return entries.stream().anyMatch(e -> same(e.name(), name));
    }

    private boolean same(String a, String b) {
        return ignoreCase ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
    }

    /** A JSON value as parameter values: a scalar is one, an array one per element, an object its JSON text. */
    static List<String> values(JsonNode value) {
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            value.forEach(v -> out.addAll(values(v)));
            return out;
        }
        return List.of(value.isObject() ? Json.write(value) : FormEncoder.scalar(value));
    }

    /**
     * An HTTP Task's {@code QueryParameters}: an object (a value per name, an array for several), a query string
     * ({@code "a=1&b=2"}, decoded here and encoded again when sent), or an array of either, later entries
     * replacing earlier ones.
     */
    static NamedValues queryOf(JsonNode query) {
        NamedValues out = NamedValues.query();
        if (query.isMissingNode() || query.isNull()) {
            return out;
        }
        if (query.isArray()) {
            for (JsonNode part : query) {
                out = out.overriddenBy(queryOf(part));
            }
            return out;
        }
        if (query.isTextual()) {
            Map<String, List<String>> pairs = new LinkedHashMap<>();
            for (String pair : query.textValue().split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    pairs.computeIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
                            .add(decode(eq < 0 ? "" : pair.substring(eq + 1)));
                }
            }
            for (Map.Entry<String, List<String>> p : pairs.entrySet()) {
                out = out.with(p.getKey(), p.getValue());
            }
            return out;
        }
        if (!query.isObject()) {
            throw HttpFailure.runtime("The HTTP Task's QueryParameters must be a JSON object, array or string.");
        }
        for (Map.Entry<String, JsonNode> q : query.properties()) {
            out = out.with(q.getKey(), NamedValues.values(q.getValue()));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.runtime("The HTTP Task's QueryParameters string is not URL-encoded: " + e.getMessage());
        }
    }
}
