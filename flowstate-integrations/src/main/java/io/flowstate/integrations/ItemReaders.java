package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.PojoJson;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Distributed Map's {@code ItemReader} over S3: {@code s3:getObject} with {@code ReaderConfig.InputType} JSON
 * (the document; the Map applies ItemsPath), JSONL (one item per line) or CSV ({@link CsvItems}), and
 * {@code s3:listObjectsV2} (one item per object: {@code Etag}, {@code Key}, {@code LastModified} in epoch seconds,
 * {@code Size}, {@code StorageClass}, every page read). {@code MaxItems} limits the items (0: all, at most
 * 100,000,000). Every failure is {@code States.ItemReaderFailed}.
 */
final class ItemReaders {
    private static final String FAILED = "States.ItemReaderFailed";
    private static final long MAX_ITEMS = 100_000_000L;
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';',
            "SPACE", ' ', "TAB", '\t');

    private final SdkCall sdk;

    ItemReaders(SdkCall sdk) {
        this.sdk = requireNonNull(sdk, "sdk is null");
    }

    TaskOutcome read(IntegrationResource r, JsonNode params, JsonNode config) {
        JsonNode max = config.path("MaxItems");
        if (!max.isMissingNode() && (!max.isIntegralNumber() || max.longValue() < 0)) {
            return TaskOutcome.Failure.of(FAILED, "field MaxItems must be positive");
        }
        long limit = max.isMissingNode() || max.longValue() == 0 ? MAX_ITEMS : Math.min(max.longValue(), MAX_ITEMS);
        try {
            SdkService s3 = SdkCall.service("s3");
            if (r.service().equals("s3") && r.action().equals("listObjectsV2")) {
                return new TaskOutcome.Success(list(s3, params, limit));
            }
            if (!(r.service().equals("s3") && r.action().equals("getObject"))) {
                return TaskOutcome.Failure.of(FAILED, "The ItemReader resource " + r.arn() + " is not supported.");
            }
            String body = sdk.call(s3, "getObject", params).json().path("Body").asText();
            return new TaskOutcome.Success(items(body, config, limit));
        } catch (SdkException e) {
            return TaskOutcome.Failure.of(FAILED, ServiceErrors.message(e));
        } catch (CsvItems.ReadFailure | IllegalArgumentException e) {
            return TaskOutcome.Failure.of(FAILED, e.getMessage());
        }
    }

    private static JsonNode items(String body, JsonNode config, long limit) {
        String type = config.path("InputType").asText("JSON");
        switch (type) {
            case "JSON" -> {
                JsonNode doc = JsonText.tryParse(body).orElseThrow(() ->
                        new IllegalArgumentException("The S3 object is not valid JSON."));
                return doc.isArray() ? limited((ArrayNode) doc, limit) : doc;
            }
            case "JSONL" -> {
                ArrayNode out = Json.nodes().arrayNode();
                for (String line : body.split("\r?\n")) {
                    if (!line.isBlank() && out.size() < limit) {
                        out.add(JsonText.tryParse(line).orElseThrow(() ->
                                new IllegalArgumentException("A line of the S3 object is not valid JSON: " + line)));
                    }
                }
                return out;
            }
            case "CSV" -> {
                Character delimiter = DELIMITERS.get(config.path("CSVDelimiter").asText("COMMA"));
                if (delimiter == null) {
                    throw new IllegalArgumentException("Unknown CSVDelimiter " + config.path("CSVDelimiter").asText());
                }
                Optional<List<String>> headers = Optional.empty();
                if (config.path("CSVHeaderLocation").asText("FIRST_ROW").equals("GIVEN")) {
                    List<String> given = new ArrayList<>();
                    config.path("CSVHeaders").forEach(h -> given.add(h.asText()));
                    headers = Optional.of(given);
                }
                return CsvItems.parse(body, delimiter, headers, limit);
            }
            default -> throw new IllegalArgumentException("The ReaderConfig InputType " + type + " is not supported.");
        }
    }

    private static ArrayNode limited(ArrayNode items, long limit) {
        if (items.size() <= limit) {
            return items;
        }
        ArrayNode out = Json.nodes().arrayNode();
        for (int i = 0; i < limit; i++) {
            out.add(items.get(i));
        }
        return out;
    }

    private ArrayNode list(SdkService s3, JsonNode params, long limit) {
        ArrayNode out = Json.nodes().arrayNode();
        ObjectNode request = params.isObject() ? ((ObjectNode) params).deepCopy() : Json.object();
        while (true) {
            JsonNode page = sdk.call(s3, "listObjectsV2", request, PojoJson.Timestamps.EPOCH_MILLIS).json();
            for (JsonNode o : page.path("Contents")) {
                if (out.size() >= limit) {
                    return out;
                }
                ObjectNode item = out.addObject();
                item.put("Etag", o.path("ETag").asText());
                item.put("Key", o.path("Key").asText());
                item.put("LastModified", o.path("LastModified").asLong() / 1000);
                item.put("Size", o.path("Size").asLong());
                item.put("StorageClass", o.path("StorageClass").asText("STANDARD"));
            }
            String next = page.path("NextContinuationToken").asText("");
            if (!page.path("IsTruncated").asBoolean() || next.isEmpty()) {
                return out;
            }
            request.put("ContinuationToken", next);
        }
    }
}
