package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.Buckets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Distributed Map's {@code ResultWriter} ({@code arn:aws:states:::s3:putObject} with {@code Bucket} and
 * {@code Prefix}): writes the run's results under {@code <Prefix>/<map run id>/}, one set of files per child status
 * ({@code SUCCEEDED_n.json}, {@code FAILED_n.json}, {@code PENDING_n.json}, {@link ResultFiles}, each record shaped
 * by {@code WriterConfig.Transformation}, {@link ResultRecords}, laid out by {@code WriterConfig.OutputType}), then
 * {@code manifest.json} ({@code DestinationBucket}, {@code MapRunArn}, {@code ResultFiles} with each file's
 * {@code Key} and {@code Size}), and answers what AWS's Map state returns:
 * {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}. A ResultWriter with only a {@code WriterConfig}
 * writes nothing: the state's result is the results as transformed (COMPACT by default). A failure is
 * {@code States.ResultWriterFailed}. An ABORTED child is written with the FAILED ones.
 * <p>
 * <b>Parts.</b> So that a run's results need not be held until its end, the engine may write them in parts, then
 * finish with one final write; every write carries the same {@code ResultWriter} and {@code MapRunArn}, the
 * resource and parameters (Bucket, Prefix) are checked as above, and the files go to the same folder.
 * <ul>
 *   <li>A <i>part</i> has {@code "Part": true}, its children's records in {@code Children}, and
 *       {@code "FileIndex": {"FAILED": n, "PENDING": n, "SUCCEEDED": n}} (a missing status: 0), the number of
 *       each status's first file, which is the count of files of that status the earlier parts wrote. It writes
 *       those records in files numbered from there (cut at the file bound as always), writes no manifest, and
 *       answers {@code {"ResultFiles": {"FAILED": [{"Key", "Size"}...], "PENDING": [...], "SUCCEEDED": [...]}}},
 *       the files it wrote (an empty array for a status it wrote none of). The keys depend only on the request,
 *       so a part written again (after a crash) overwrites the same files.</li>
 *   <li>The <i>final</i> write (no {@code Part}) may carry {@code "Written": {"FAILED": [...], "PENDING": [...],
 *       "SUCCEEDED": [...]}}, the parts' answers' entries concatenated per status in order. Its own
 *       {@code Children} (possibly none) are numbered after the written files of their status (from the count
 *       of entries), and the manifest's {@code ResultFiles} lists the written entries first, then the new ones.
 *       It answers as a write without parts does.</li>
 * </ul>
 */
final class ResultWriters {
    /** AWS cuts result files at 5 GB. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024 * 1024;
    private static final String FAILED = "States.ResultWriterFailed";
    private static final List<String> STATUSES = List.of("FAILED", "PENDING", "SUCCEEDED");

    private final Buckets s3;
    private final long maxFileBytes;

    ResultWriters(Buckets s3) {
        this(s3, MAX_FILE_BYTES);
    }

    /** Cuts result files at {@code maxFileBytes} instead of AWS's 5 GB (for tests). */
    ResultWriters(Buckets s3, long maxFileBytes) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.maxFileBytes = maxFileBytes;
    }

    TaskOutcome write(String resource, JsonNode params, JsonNode config) {
        JsonNode writerConfig = config.path("ResultWriter");
        String arn = config.path("MapRunArn").asText();
        if (resource.isEmpty()) {
            return new TaskOutcome.Success(preview(config, writerConfig.path("Transformation").asText("COMPACT"), arn));
        }
        IntegrationResource r = IntegrationResource.parse(resource);
        if (!(r.service().equals("s3") && r.action().equals("putObject"))) {
            return TaskOutcome.Failure.of(FAILED, "The ResultWriter resource " + r.arn() + " is not supported.");
        }
        String bucket = params.path("Bucket").asText("");
        if (bucket.isEmpty()) {
            return TaskOutcome.Failure.of(FAILED, "The ResultWriter needs a Bucket.");
        }
        boolean part = config.path("Part").asBoolean(false);
        Optional<String> invalid = invalidParts(config, part);
        if (invalid.isPresent()) {
            return TaskOutcome.Failure.of(FAILED, invalid.get());
        }
        String transformation = writerConfig.path("Transformation").asText("NONE");
        boolean jsonl = writerConfig.path("OutputType").asText("JSON").equals("JSONL");
        String runId = arn.substring(arn.lastIndexOf(':') + 1);
        String prefix = params.path("Prefix").asText("").replaceAll("/+$", "");
        String folder = (prefix.isEmpty() ? "" : prefix + "/") + runId + "/";
        try {
            Map<String, ResultFiles> files = new TreeMap<>();
            for (String status : STATUSES) {
                int first = part ? config.path("FileIndex").path(status).asInt(0)
                        : config.path("Written").path(status).size();
                files.put(status, new ResultFiles(folder, status, first, jsonl, maxFileBytes,
                        (key, body) -> s3.put(bucket, key, body)));
            }
            for (JsonNode child : children(config)) {
                String status = child.path("Status").asText();
                ResultFiles to = files.get(status.equals("ABORTED") ? "FAILED" : status);
                ResultRecords.of(child, transformation, arn).forEach(to::add);
            }
            ObjectNode resultFiles = Json.object();
            files.forEach((status, f) -> {
                ArrayNode entries = resultFiles.putArray(status);
                if (!part && config.path("Written").path(status) instanceof ArrayNode written) {
                    entries.addAll(written);
                }
                entries.addAll(f.finish());
            });
            if (part) {
                ObjectNode out = Json.object();
                out.set("ResultFiles", resultFiles);
                return new TaskOutcome.Success(out);
            }
            ObjectNode manifest = Json.object();
            manifest.put("DestinationBucket", bucket);
            manifest.put("MapRunArn", arn);
            manifest.set("ResultFiles", resultFiles);
            s3.put(bucket, folder + "manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        } catch (SdkException e) {
            return TaskOutcome.Failure.of(FAILED, ServiceErrors.message(e));
        } catch (java.io.UncheckedIOException e) {
            return TaskOutcome.Failure.of(FAILED, "Writing the results failed: " + e.getMessage());
        }
        ObjectNode out = Json.object();
        out.put("MapRunArn", arn);
        out.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
        return new TaskOutcome.Success(out);
    }

    /**
     * What is wrong with a part's {@code FileIndex} (each a file number) or a final write's {@code Written} (each an
     * array of entries); a missing status is fine.
     */
    private static Optional<String> invalidParts(JsonNode config, boolean part) {
        String field = part ? "FileIndex" : "Written";
        for (String status : STATUSES) {
            JsonNode given = config.path(field).path(status);
            boolean number = given.isIntegralNumber() && given.canConvertToInt() && given.intValue() >= 0;
            boolean valid = given.isMissingNode() || (part ? number : given.isArray());
            if (!valid) {
                return Optional.of("field " + field + "." + status + " must be "
                        + (part ? "a file number >= 0" : "an array of written files") + ", not " + given);
            }
        }
        return Optional.empty();
    }

    /** WriterConfig without Resource: the results as the state's output, transformed. */
    private static ArrayNode preview(JsonNode config, String transformation, String arn) {
        ArrayNode out = Json.nodes().arrayNode();
        for (JsonNode child : children(config)) {
            ResultRecords.of(child, transformation, arn).forEach(out::add);
        }
        return out;
    }

    /**
     * The engine's record of each child ({@code Children}); from the bare {@code Results} when it sent none, each
     * then a succeeded child with that output.
     */
    private static JsonNode children(JsonNode config) {
        if (config.path("Children").isArray()) {
            return config.get("Children");
        }
        ArrayNode out = Json.nodes().arrayNode();
        int i = 0;
        for (JsonNode result : config.path("Results")) {
            out.addObject().put("Index", i++).put("Status", "SUCCEEDED").set("Output", result);
        }
        return out;
    }
}
