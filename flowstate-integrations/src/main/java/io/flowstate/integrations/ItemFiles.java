package io.flowstate.integrations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.flowstate.asl.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items of one S3 object, read as it streams in, by {@code ReaderConfig.InputType}: JSON (a top-level array, or
 * the array {@code ItemsPointer} points at, a JSON Pointer such as {@code /data/items}), JSONL (one item per
 * non-blank line), CSV ({@code CSVDelimiter}, {@code CSVHeaderLocation}, {@code CSVHeaders}) or PARQUET (one
 * object per row, {@link ParquetItems}; the one type that is first copied to a temporary file). Reading stops
 * once the sink is full. Failures are {@link CsvItems.ReadFailure}s with AWS's messages.
 */
final class ItemFiles {
    /** Reads one value of a stream (the mapper itself would refuse the array's next element as trailing). */
    private static final ObjectReader TREE = Json.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';',
            "SPACE", ' ', "TAB", '\t');

    private ItemFiles() {}

    static void read(InputStream in, String inputType, JsonNode config, ItemSink sink) throws IOException {
        switch (inputType) {
            case "JSON" -> json(in, config, sink);
            case "JSONL" -> jsonl(in, sink);
            case "CSV" -> CsvItems.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    delimiter(config), headers(config), sink);
            case "PARQUET" -> ParquetItems.read(in, sink);
            default -> throw new CsvItems.ReadFailure("The ReaderConfig InputType " + inputType + " is not supported.");
        }
    }

    private static void json(InputStream in, JsonNode config, ItemSink sink) throws IOException {
        try (JsonParser p = Json.mapper().createParser(in)) {
            JsonToken token = p.nextToken();
            if (config.has("ItemsPointer")) {
                token = seek(p, token, JsonPointer.compile(config.get("ItemsPointer").asText()));
            }
            if (token != JsonToken.START_ARRAY) {
                throw new CsvItems.ReadFailure("Attempting to map over non-iterable node.");
            }
            while (!sink.full() && p.nextToken() != JsonToken.END_ARRAY) {
                sink.add(TREE.<JsonNode>readValue(p));
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CsvItems.ReadFailure("The S3 object is not valid JSON.");
        } catch (IllegalArgumentException e) {
            throw new CsvItems.ReadFailure("ItemsPointer " + config.get("ItemsPointer") + " is not a JSON Pointer.");
        }
    }

    /**
     * Moves {@code p} from {@code token} (the current value's first token) to the value {@code pointer} names,
     * skipping the values beside the path unread into memory, so that the items array streams as a top-level one
     * does however large the document; answers that value's first token, or null if there is no such value.
     */
    private static JsonToken seek(JsonParser p, JsonToken token, JsonPointer pointer) throws IOException {
        JsonPointer rest = pointer;
        while (!rest.matches()) {
            JsonPointer next = null;
            if (token == JsonToken.START_OBJECT) {
                while (next == null && p.nextToken() == JsonToken.FIELD_NAME) {
                    next = rest.matchProperty(p.currentName());
                    token = p.nextToken();
                    if (next == null) {
                        p.skipChildren();
                    }
                }
            } else if (token == JsonToken.START_ARRAY) {
                for (int i = 0; next == null && (token = p.nextToken()) != JsonToken.END_ARRAY && token != null; i++) {
                    next = rest.matchElement(i);
                    if (next == null) {
                        p.skipChildren();
                    }
                }
            }
            if (next == null) {
                return null;
            }
            rest = next;
        }
        return token;
    }

    private static void jsonl(InputStream in, ItemSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while (!sink.full() && (line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String text = line;
            sink.add(JsonText.tryParse(text).orElseThrow(() ->
                    new CsvItems.ReadFailure("A line of the S3 object is not valid JSON: " + text)));
        }
    }

    private static char delimiter(JsonNode config) {
        String name = config.path("CSVDelimiter").asText("COMMA");
        Character c = DELIMITERS.get(name);
        if (c == null) {
            throw new CsvItems.ReadFailure("Unknown CSVDelimiter " + name);
        }
        return c;
    }

    private static Optional<List<String>> headers(JsonNode config) {
        if (!config.path("CSVHeaderLocation").asText("FIRST_ROW").equals("GIVEN")) {
            return Optional.empty();
        }
        List<String> given = new ArrayList<>();
        config.path("CSVHeaders").forEach(h -> given.add(h.asText()));
        return Optional.of(given);
    }
}
