package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.integrations.s3.Buckets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Manifests an ItemReader follows to the files that hold the items:
 * <ul>
 *   <li>an S3 Inventory {@code manifest.json} ({@code InputType: MANIFEST}, or {@code ManifestType: S3_INVENTORY}):
 *       each of its {@code files} (CSV, usually gzipped, in the bucket {@code destinationBucket} names) gives one
 *       item per row, keyed by the manifest's {@code fileSchema} ({@code Bucket}, {@code Key}, {@code Size},
 *       {@code LastModifiedDate}, ...), every value a string;</li>
 *   <li>an Athena UNLOAD manifest ({@code ManifestType: ATHENA_DATA}): one {@code s3://bucket/key} per line, each
 *       file read as {@code InputType} says (CSV, JSONL).</li>
 * </ul>
 * A file whose key ends in {@code .gz} is gunzipped as it streams.
 */
final class Manifests {
    private Manifests() {}

    static void inventory(Buckets s3, JsonNode params, ItemSink sink) throws IOException {
        JsonNode manifest;
        try (InputStream in = s3.get(params)) {
            manifest = Json.mapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CsvItems.ReadFailure("The S3 inventory manifest is not valid JSON.");
        }
        String format = manifest.path("fileFormat").asText("");
        if (!format.equals("CSV")) {
            throw new CsvItems.ReadFailure("Only CSV S3 inventories can be read; the manifest's fileFormat is '"
                    + format + "'.");
        }
        String destination = manifest.path("destinationBucket").asText("");
        String bucket = destination.substring(destination.lastIndexOf(':') + 1);
        List<String> schema = Arrays.stream(manifest.path("fileSchema").asText("").split(","))
                .map(String::trim).toList();
        for (JsonNode file : manifest.path("files")) {
            if (sink.full()) {
                return;
            }
            String key = file.path("key").asText();
            try (InputStream in = open(s3, bucket, key)) {
                CsvItems.read(reader(in), ',', Optional.of(schema), sink);
            }
        }
    }

    static void athena(Buckets s3, JsonNode params, JsonNode config, ItemSink sink) throws IOException {
        List<String> uris = new ArrayList<>();
        try (BufferedReader lines = reader(s3.get(params))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    uris.add(line.trim());
                }
            }
        }
        String type = config.path("InputType").asText("CSV");
        for (String uri : uris) {
            if (sink.full()) {
                return;
            }
            if (!uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
                throw new CsvItems.ReadFailure("The Athena manifest names '" + uri + "', not an s3:// object.");
            }
            String rest = uri.substring(5);
            try (InputStream in = open(s3, rest.substring(0, rest.indexOf('/')), rest.substring(rest.indexOf('/') + 1))) {
                ItemFiles.read(in, type, config, sink);
            }
        }
    }

    private static InputStream open(Buckets s3, String bucket, String key) throws IOException {
        ObjectNode request = Json.object().put("Bucket", bucket).put("Key", key);
        InputStream in = s3.get(request);
        return key.endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
