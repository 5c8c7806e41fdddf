package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-specific replacement upstream applied before recording ({@code expected.json} →
 * {@code test_snapshot_transformers}), applied to the actual result the same way. {@code parallel_sort} and
 * {@code custom} are handled elsewhere ({@link ParallelEvents}, {@link JsonComparator}'s JSON-string rule);
 * {@code utility:resource_name} only occurs in TestState cases.
 */
public sealed interface SnapshotTransformer {

    /** Applies the transformer; returns the transformed snapshot (possibly the same, changed in place). */
    JsonNode apply(JsonNode snapshot);

    /**
     * {@code regex}: a Python regex replaced in the serialised JSON text of the snapshot, as upstream's
     * serialised replacements work (so patterns may match escaped quotes inside JSON strings).
     */
    record Regex(Pattern pattern, String replacement) implements SnapshotTransformer {
        public Regex {
            requireNonNull(pattern, "pattern is null");
            requireNonNull(replacement, "replacement is null");
        }

        @Override
        public JsonNode apply(JsonNode snapshot) {
            String text = Json.write(snapshot);
            String replaced = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
            // A replacement that breaks the JSON text cannot have been what upstream did; keep the original.
            return replaced.equals(text) ? snapshot : Json.tryParse(replaced).orElse(snapshot);
        }
    }

    /**
     * {@code jsonpath}: the values the path selects become {@code replacement}; with {@code replaceReference}
     * each distinct value becomes {@code <replacement:N>} at the path and everywhere else it occurs in text.
     */
    record JsonPathReplacement(SimpleJsonPath path, String replacement, boolean replaceReference)
            implements SnapshotTransformer {
        public JsonPathReplacement {
            requireNonNull(path, "path is null");
            requireNonNull(replacement, "replacement is null");
        }

        @Override
        public JsonNode apply(JsonNode snapshot) {
            if (!replaceReference) {
                path.replace(snapshot, value -> JsonNodeFactory.instance.textNode(replacement));
                return snapshot;
            }
            Map<String, String> references = new LinkedHashMap<>();
            path.replace(snapshot, value -> JsonNodeFactory.instance.textNode(references.computeIfAbsent(
                    value.asText(), v -> "<" + replacement + ":" + (references.size() + 1) + ">")));
            return StringValues.map(snapshot, text -> {
                String result = text;
                for (Map.Entry<String, String> reference : references.entrySet()) {
                    if (!reference.getKey().isEmpty()) {
                        result = result.replace(reference.getKey(), reference.getValue());
                    }
                }
                return result;
            });
        }
    }

    /** {@code key_value}: the values of every field named {@code key} become {@code replacement}. */
    record KeyValue(String key, String replacement) implements SnapshotTransformer {
        public KeyValue {
            requireNonNull(key, "key is null");
            requireNonNull(replacement, "replacement is null");
        }

        @Override
        public JsonNode apply(JsonNode snapshot) {
            SimpleJsonPath.compile("$.." + key)
                    .replace(snapshot, value -> JsonNodeFactory.instance.textNode(replacement));
            return snapshot;
        }
    }

    /**
     * Reads the applicable transformers of a case. Regex transformers whose value is a Lambda name token
     * ({@code __LAMBDA_1_NAME__}) are not listed here: they rename the function, which {@link Normaliser} does.
     */
    static List<SnapshotTransformer> of(JsonNode expected) {
        List<SnapshotTransformer> transformers = new ArrayList<>();
        for (JsonNode spec : expected.path("test_snapshot_transformers")) {
            parse(spec).ifPresent(transformers::add);
            // expected.json's top-level output was taken from the transformed ExecutionSucceeded event, so a
            // transformer of that event's output applies to the top-level output too.
            String path = spec.path("jsonpath").asText();
            String marker = "executionSucceededEventDetails.output";
            if ("jsonpath".equals(spec.path("type").asText()) && path.contains(marker)) {
                transformers.add(new JsonPathReplacement(SimpleJsonPath.compile("$.output"
                        + path.substring(path.indexOf(marker) + marker.length())), spec.path("replacement").asText(),
                        spec.path("replace_reference").asBoolean()));
            }
        }
        return List.copyOf(transformers);
    }

    private static Optional<SnapshotTransformer> parse(JsonNode spec) {
        String replacement = spec.path("replacement").asText();
        return switch (spec.path("type").asText()) {
            case "regex" -> spec.has("applies_to") ? Optional.empty()
                    : Optional.of(new Regex(Pattern.compile(spec.path("value").asText()), replacement));
            case "jsonpath" -> Optional.of(new JsonPathReplacement(
                    SimpleJsonPath.compile(spec.path("jsonpath").asText()), replacement,
                    spec.path("replace_reference").asBoolean()));
            case "key_value" -> Optional.of(new KeyValue(spec.path("key").asText(), replacement));
            default -> Optional.empty();
        };
    }

    /** The Lambda renames among the regex transformers: name token → replacement. */
    static Map<String, String> lambdaRenames(JsonNode expected) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (JsonNode spec : expected.path("test_snapshot_transformers")) {
            if ("regex".equals(spec.path("type").asText()) && spec.has("applies_to")) {
                renames.put(spec.path("value").asText(), spec.path("replacement").asText());
            }
        }
        return renames;
    }
}
