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
 *       optional {@code ItemsPointer}, JSONL, CSV, PARQUET without {@code VersionId}, as AWS documents), or a
 *       manifest's ({@link Manifests}: {@code InputType: MANIFEST} or {@code ManifestType: S3_INVENTORY},
 *       {@code ManifestType: ATHENA_DATA});</li>
 *   <li>{@code s3:listObjectsV2}: one item per object ({@code Etag}, {@code Key}, {@code LastModified} in epoch
 *       seconds, {@code Size}, {@code StorageClass}), every page read; with {@code Transformation:
 *       LOAD_AND_FLATTEN}, the items inside each listed object instead, read as {@code InputType} says.</li>
 * </ul>
 * {@code MaxItems} limits the items (0: all, at most 100,000,000) and reading stops there. Every failure is
 * {@code States.ItemReaderFailed}.
 * <p>
 * <b>Windows.</b> Without {@code Window} in the config the answer is the whole item array. With
 * {@code "Window": {"Start": s, "Size": n}} ({@code s >= 0}, {@code n >= 1}) it is
 * {@code {"Items": [...], "More": boolean}}: the items at positions [s, s + n) of the sequence the same request
 * without {@code Window} answers (MaxItems bounds that whole sequence, so no window goes past it; fewer than
 * {@code n} items only in the last window; none, with More false, at or past the end), and {@code More} true iff
 * items follow position s + n - 1 (or a failure does: the window after it fails). A bad Window fails with
 * {@code field Window needs a Start >= 0 and a Size >= 1}; MaxItems and the resource are checked first, as for a
 * whole read. The engine
 * reads windows in order, each starting where the previous ended, until {@code More} is false; reading them so
 * costs one pass over the object, an open {@link ItemCursor} kept between windows ({@link ItemCursors}), and
 * memory bounded by the window and the cursor's buffer, not by the object. Any other start (a window read again,
 * or the first after a restart) is answered too, by reading from the beginning and dropping the items before it.
 * A failure while reading fails the window that reaches it, with the message the whole read would fail with;
 * windows before it have their items. The config must otherwise be the same for every window of a sequence: it
 * is part of the cursor's key (without {@code Window}), with the resource ARN and the parameters. Readers ignore
 * config fields they do not know, so a caller reading the same object for several runs at once may add one that
 * names the run (a {@code MapRunArn}, say) to keep their cursors apart. At most 16 cursors are kept (the least
 * recently used is closed) and one idle for 5 minutes is closed; a window whose cursor was closed reads from the
 * beginning of the object again, dropping the items before its start.
 */
final class ItemReaders implements AutoCloseable {
    private static final String FAILED = "States.ItemReaderFailed";
    private static final long MAX_ITEMS = 100_000_000L;

    private final Buckets s3;
    private final ItemCursors cursors;

    ItemReaders(Buckets s3) {
        this(s3, ItemCursors.defaults());
    }

    ItemReaders(Buckets s3, ItemCursors cursors) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.cursors = requireNonNull(cursors, "cursors is null");
    }

    TaskOutcome read(IntegrationResource r, JsonNode params, JsonNode config) {
        JsonNode max = config.path("MaxItems");
        if (!max.isMissingNode() && (!max.isIntegralNumber() || max.longValue() < 0)) {
            return TaskOutcome.Failure.of(FAILED, "field MaxItems must be positive");
        }
        long limit = max.isMissingNode() || max.longValue() == 0 ? MAX_ITEMS : Math.min(max.longValue(), MAX_ITEMS);
        boolean list = r.service().equals("s3") && r.action().equals("listObjectsV2");
        if (!list && !(r.service().equals("s3") && r.action().equals("getObject"))) {
            return TaskOutcome.Failure.of(FAILED, "The ItemReader resource " + r.arn() + " is not supported.");
        }
        ItemCursor.Source source = sink -> {
            if (list) {
                list(params, config, sink);
            } else {
                get(params, config, sink);
            }
        };
        try {
            if (!config.has("Window")) {
                ItemSink sink = new ItemSink(limit);
                source.read(sink);
                return new TaskOutcome.Success(sink.items());
            }
            return window(r, params, (ObjectNode) config, limit, source);
        } catch (SdkException e) {
            return TaskOutcome.Failure.of(FAILED, ServiceErrors.message(e));
        } catch (CsvItems.ReadFailure | IllegalArgumentException e) {
            return TaskOutcome.Failure.of(FAILED, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return TaskOutcome.Failure.of(FAILED, "Reading the S3 object failed: " + e.getMessage());
        }
    }

    private TaskOutcome window(IntegrationResource r, JsonNode params, ObjectNode config, long limit,
            ItemCursor.Source source) throws IOException {
        JsonNode start = config.path("Window").path("Start");
        JsonNode size = config.path("Window").path("Size");
        if (!start.isIntegralNumber() || start.longValue() < 0 || !size.isIntegralNumber() || !size.canConvertToInt()
                || size.intValue() < 1) {
            return TaskOutcome.Failure.of(FAILED, "field Window needs a Start >= 0 and a Size >= 1, not "
                    + config.get("Window"));
        }
        ItemCursors.Key key = new ItemCursors.Key(r.arn(), Json.write(params),
                Json.write(config.deepCopy().without("Window")));
        ItemCursors.Window w = cursors.read(key, start.longValue(), size.intValue(), limit, source);
        ObjectNode out = Json.object();
        out.set("Items", w.items());
        out.put("More", w.more());
        return new TaskOutcome.Success(out);
    }

    /** Closes the cursors kept open between windows. */
    @Override
    public void close() {
        cursors.close();
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
            if (type.equals("PARQUET") && params.has("VersionId")) {
                // "ItemReader (Map)": "The VersionId field is not supported for InputType=Parquet."
                throw new CsvItems.ReadFailure("The VersionId field is not supported for InputType PARQUET.");
            }
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
