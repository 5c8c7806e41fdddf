package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.Buckets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Distributed Map's {@code ItemReader} over S3 ({@link Buckets}):
 * <ul>
 *   <li>{@code s3:getObject}: the object's items by {@code ReaderConfig.InputType} ({@link ItemFiles}: JSON with
 *       optional {@code ItemsPointer}, JSONL, CSV), or a manifest's ({@link Manifests}: {@code InputType: MANIFEST}
 *       or {@code ManifestType: S3_INVENTORY}, {@code ManifestType: ATHENA_DATA});</li>
 *   <li>{@code s3:listObjectsV2}: one item per object ({@code Etag}, {@code Key}, {@code LastModified} in epoch
 *       seconds, {@code Size}, {@code StorageClass}), every page read; with {@code Transformation:
 *       LOAD_AND_FLATTEN}, the items inside each listed object instead, read as {@code InputType} says.</li>
 * </ul>
 * {@code MaxItems} limits the items (0: all, at most 100,000,000) and reading stops there. Every failure is
 * {@code States.ItemReaderFailed}.
 */
final class ItemReaders {
    private static final String FAILED = "States.ItemReaderFailed";
    private static final long MAX_ITEMS = 100_000_000L;

    private final Buckets s3;

    ItemReaders(Buckets s3) {
        this.s3 = requireNonNull(s3, "s3 is null");
    }

    TaskOutcome read(IntegrationResource r, JsonNode params, JsonNode config) {
        JsonNode max = config.path("MaxItems");
        if (!max.isMissingNode() && (!max.isIntegralNumber() || max.longValue() < 0)) {
            return TaskOutcome.Failure.of(FAILED, "field MaxItems must be positive");
        }
        long limit = max.isMissingNode() || max.longValue() == 0 ? MAX_ITEMS : Math.min(max.longValue(), MAX_ITEMS);
        ItemSink sink = new ItemSink(limit);
        try {
            if (r.service().equals("s3") && r.action().equals("listObjectsV2")) {
                list(params, config, sink);
            } else if (r.service().equals("s3") && r.action().equals("getObject")) {
                get(params, config, sink);
            } else {
                return TaskOutcome.Failure.of(FAILED, "The ItemReader resource " + r.arn() + " is not supported.");
            }
            return new TaskOutcome.Success(sink.items());
        } catch (SdkException e) {
            return TaskOutcome.Failure.of(FAILED, ServiceErrors.message(e));
        } catch (CsvItems.ReadFailure | IllegalArgumentException e) {
            return TaskOutcome.Failure.of(FAILED, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return TaskOutcome.Failure.of(FAILED, "Reading the S3 object failed: " + e.getMessage());
        }
    }

    private void get(JsonNode params, JsonNode config, ItemSink sink) throws IOException {
        String manifest = config.path("ManifestType").asText("");
        String type = config.path("InputType").asText("JSON");
        if (type.equals("MANIFEST") || manifest.equals("S3_INVENTORY")) {
            Manifests.inventory(s3, params, sink);
        } else if (manifest.equals("ATHENA_DATA")) {
            Manifests.athena(s3, params, config, sink);
        } else if (!manifest.isEmpty()) {
            throw new CsvItems.ReadFailure("The ReaderConfig ManifestType " + manifest + " is not supported.");
        } else {
            try (InputStream in = s3.get(params)) {
                ItemFiles.read(in, type, config, sink);
            }
        }
    }

    private void list(JsonNode params, JsonNode config, ItemSink sink) throws IOException {
        boolean load = config.path("Transformation").asText("NONE").equals("LOAD_AND_FLATTEN");
        ObjectNode request = params.isObject() ? ((ObjectNode) params).deepCopy() : Json.object();
        String bucket = request.path("Bucket").asText();
        while (true) {
            Buckets.Page page = s3.list(request);
            for (Buckets.ObjectInfo o : page.objects()) {
                if (sink.full()) {
                    return;
                }
                if (load && o.key().endsWith("/")) {
                    continue; // a folder marker holds no items
                }
                if (load) {
                    try (InputStream in = s3.get(Json.object().put("Bucket", bucket).put("Key", o.key()))) {
                        ItemFiles.read(in, config.path("InputType").asText("JSON"), config, sink);
                    }
                    continue;
                }
                ObjectNode item = Json.object();
                item.put("Etag", o.etag());
                item.put("Key", o.key());
                item.put("LastModified", o.lastModified().getEpochSecond());
                item.put("Size", o.size());
                item.put("StorageClass", o.storageClass());
                sink.add(item);
            }
            if (page.nextToken().isEmpty() || sink.full()) {
                return;
            }
            request.put("ContinuationToken", page.nextToken().get());
        }
    }
}
