package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The general JSONPath engine: Jayway JsonPath over Jackson trees, with Jayway's default options. AWS's
 * messages for paths that match nothing are Jayway's ({@code No results for path: $['x']},
 * {@code Missing property in path $['a']}), and a non-definite path that matches nothing yields an empty
 * array, as Jayway does.
 *
 * <p>Two departures from plain Jayway, both to match AWS: in inline filters an unquoted word is a string
 * ({@link InlineFilters}), and a path calling a function
 * ({@code .length()}, {@code .max()}...) is evaluated over plain Java values, because Jayway's numeric
 * functions see no numbers in Jackson trees ("Aggregation function attempted to calculate value using empty
 * array"). An evaluation error (a function applied to the wrong kind of value) reads as "no match".
 */
final class JsonPathEngine {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();
    private static final Configuration JAVA_VALUES = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();
    /** A function call such as {@code .length()} or {@code .max()}; quoted names may match too, harmlessly. */
    private static final Pattern FUNCTION = Pattern.compile("\\.[A-Za-z]+\\(");

    private JsonPathEngine() {}

    /** Compiles {@code text} (which starts with a plain {@code $}); a syntax error names the text. */
    static JsonPath compile(String text, String original) {
        try {
            return JsonPath.compile(InlineFilters.quoteBareWords(text));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new ExpressionSyntaxException("The value '" + original + "' is not a valid JSONPath: " + e.getMessage());
        }
    }

    /**
     * The value selected in {@code document}, empty when Jayway reports that nothing matches. A non-definite
     * path always yields an array: Jayway still throws when a definite prefix is missing ({@code $.items[*]}
     * on {@code {}}), but AWS answers {@code []} there (corpus base/json_path_array_wildcard_or_slice_with_no_input).
     */
    static Optional<JsonNode> find(JsonPath path, boolean callsFunction, JsonNode document) {
        try {
            return Optional.of(toNode(read(path, callsFunction, document)));
        } catch (JsonPathException e) {
            return path.isDefinite() ? Optional.empty() : Optional.of(MAPPER.createArrayNode());
        }
    }

    /** True when {@code path} calls a function, so that {@link #find} must evaluate it over Java values. */
    static boolean callsFunction(JsonPath path) {
        return FUNCTION.matcher(path.getPath()).find();
    }

    private static Object read(JsonPath path, boolean callsFunction, JsonNode document) {
        if (callsFunction) {
            return path.read(MAPPER.convertValue(document, Object.class), JAVA_VALUES);
        }
        return path.read(document, CONFIGURATION);
    }

    /** Jayway's explanation of why {@code path} matches nothing in {@code document}. */
    static String missMessage(JsonPath path, boolean callsFunction, JsonNode document) {
        try {
            read(path, callsFunction, document);
        } catch (PathNotFoundException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            // Jayway evaluation failures other than "not found" still mean no value; keep its wording.
            return String.valueOf(e.getMessage());
        }
        return "No results for path: " + path.getPath();
    }

    /** Jayway's normalised form of the path, e.g. {@code $['a'][0]}. */
    static String normalised(JsonPath path) {
        return path.getPath();
    }

    static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static JsonNode toNode(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }
}
