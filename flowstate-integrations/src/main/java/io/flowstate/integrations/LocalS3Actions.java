package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.Buckets;
import io.flowstate.integrations.sdk.PojoJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.CRC32;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code aws-sdk:s3:*} Tasks on local buckets, answered in the shape AWS's aws-sdk integration gives (recorded:
 * aws_sdk_task_service.s3_get_object / s3_put_object): getObject's {@code Body} as text with {@code AcceptRanges},
 * {@code ContentLength}, {@code ContentType}, {@code ETag}, {@code LastModified}, {@code Metadata},
 * {@code ServerSideEncryption}; putObject's {@code ChecksumCRC32}, {@code ChecksumType}, {@code ETag},
 * {@code ServerSideEncryption}; headObject as getObject without the body; listObjectsV2's {@code Contents},
 * {@code CommonPrefixes} (with a {@code Delimiter}), {@code IsTruncated}, {@code KeyCount}, {@code MaxKeys},
 * {@code Name}, {@code Prefix} and continuation tokens.
 * Errors are S3's ({@code S3.NoSuchKeyException}, ...). Local files keep no content type: objects are
 * {@code binary/octet-stream}, S3's default.
 */
final class LocalS3Actions {
    private LocalS3Actions() {}

    static TaskOutcome invoke(Buckets s3, String action, JsonNode params) {
        try {
            return switch (action) {
                case "getObject" -> new TaskOutcome.Success(get(s3, params, true));
                case "headObject" -> new TaskOutcome.Success(get(s3, params, false));
                case "putObject" -> new TaskOutcome.Success(put(s3, params));
                case "listObjectsV2" -> new TaskOutcome.Success(list(s3, params));
                default -> TaskOutcome.Failure.of("States.Runtime", "The local buckets serve aws-sdk:s3:getObject, "
                        + "headObject, putObject and listObjectsV2, not s3:" + action + ".");
            };
        } catch (SdkException e) {
            return ServiceErrors.sdkStyle("S3", e);
        } catch (IOException e) {
            return TaskOutcome.Failure.of("States.Runtime", "Reading the local object failed: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return TaskOutcome.Failure.of("States.Runtime", "The local buckets failed: " + e.getCause().getMessage());
        }
    }

    private static ObjectNode get(Buckets s3, JsonNode params, boolean body) throws IOException {
        Buckets.ObjectInfo info = s3.head(params);
        ObjectNode out = Json.object();
        out.put("AcceptRanges", "bytes");
        out.put("ContentLength", info.size());
        out.put("ContentType", "binary/octet-stream");
        out.put("ETag", info.etag());
        out.put("LastModified", info.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
        out.putObject("Metadata");
        out.put("ServerSideEncryption", "AES256");
        if (body) {
            try (InputStream in = s3.get(params)) {
                out.put("Body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static ObjectNode put(Buckets s3, JsonNode params) {
        byte[] body = params.has("Body") ? PojoJson.utf8(params.get("Body")) : new byte[0];
        String etag = s3.put(params.path("Bucket").asText(""), params.path("Key").asText(""), body);
        CRC32 crc = new CRC32();
        crc.update(body);
        ObjectNode out = Json.object();
        out.put("ChecksumCRC32", Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue())
                .array()));
        out.put("ChecksumType", "FULL_OBJECT");
        out.put("ETag", etag);
        out.put("ServerSideEncryption", "AES256");
        return out;
    }

    private static ObjectNode list(Buckets s3, JsonNode params) {
        Buckets.Page page = s3.list(params);
        ObjectNode out = Json.object();
        var contents = out.putArray("Contents");
        for (Buckets.ObjectInfo o : page.objects()) {
            contents.addObject().put("ETag", o.etag()).put("Key", o.key())
                    .put("LastModified", o.lastModified().truncatedTo(ChronoUnit.SECONDS).toString())
                    .put("Size", o.size()).put("StorageClass", o.storageClass());
        }
        if (!page.commonPrefixes().isEmpty()) {
            var common = out.putArray("CommonPrefixes");
            page.commonPrefixes().forEach(c -> common.addObject().put("Prefix", c));
        }
        if (params.has("ContinuationToken")) {
            out.put("ContinuationToken", params.get("ContinuationToken").asText());
        }
        if (params.has("Delimiter")) {
            out.put("Delimiter", params.get("Delimiter").asText());
        }
        out.put("IsTruncated", page.nextToken().isPresent());
        out.put("KeyCount", page.objects().size() + page.commonPrefixes().size());
        out.put("MaxKeys", params.path("MaxKeys").asInt(1000));
        out.put("Name", params.path("Bucket").asText());
        page.nextToken().ifPresent(t -> out.put("NextContinuationToken", t));
        out.put("Prefix", params.path("Prefix").asText(""));
        return out;
    }
}
