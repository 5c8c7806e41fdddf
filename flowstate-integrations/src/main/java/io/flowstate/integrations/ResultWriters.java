package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkCall;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Distributed Map's {@code ResultWriter} to S3 ({@code arn:aws:states:::s3:putObject}, {@code Bucket} and
 * {@code Prefix}): writes the run's results under {@code <Prefix>/<map run id>/} as {@code SUCCEEDED_0.json} (one
 * record per child: its {@code Output} as JSON text and its {@code Status}) and {@code manifest.json}
 * ({@code DestinationBucket}, {@code MapRunArn}, {@code ResultFiles}), and answers what AWS's Map state returns:
 * {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}. A failure is {@code States.ResultWriterFailed}.
 */
final class ResultWriters {
    private static final String FAILED = "States.ResultWriterFailed";

    private final SdkCall sdk;

    ResultWriters(SdkCall sdk) {
        this.sdk = requireNonNull(sdk, "sdk is null");
    }

    TaskOutcome write(IntegrationResource r, JsonNode params, JsonNode config) {
        if (!(r.service().equals("s3") && r.action().equals("putObject"))) {
            return TaskOutcome.Failure.of(FAILED, "The ResultWriter resource " + r.arn() + " is not supported.");
        }
        String bucket = params.path("Bucket").asText("");
        if (bucket.isEmpty()) {
            return TaskOutcome.Failure.of(FAILED, "The ResultWriter needs a Bucket.");
        }
        String arn = config.path("MapRunArn").asText();
        String runId = arn.substring(arn.lastIndexOf(':') + 1);
        String prefix = params.path("Prefix").asText("").replaceAll("/+$", "");
        String folder = (prefix.isEmpty() ? "" : prefix + "/") + runId + "/";
        ArrayNode records = Json.nodes().arrayNode();
        for (JsonNode result : config.path("Results")) {
            ObjectNode rec = records.addObject();
            rec.put("Output", Json.write(result));
            rec.putObject("OutputDetails").put("Included", true);
            rec.put("Status", "SUCCEEDED");
        }
        String succeeded = Json.write(records);
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", arn);
        ObjectNode files = manifest.putObject("ResultFiles");
        files.putArray("FAILED");
        files.putArray("PENDING");
        files.putArray("SUCCEEDED").addObject().put("Key", folder + "SUCCEEDED_0.json")
                .put("Size", succeeded.getBytes(StandardCharsets.UTF_8).length);
        try {
            put(bucket, folder + "SUCCEEDED_0.json", succeeded);
            put(bucket, folder + "manifest.json", Json.write(manifest));
        } catch (SdkException e) {
            return TaskOutcome.Failure.of(FAILED, e.getMessage());
        }
        ObjectNode out = Json.object();
        out.put("MapRunArn", arn);
        out.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
        return new TaskOutcome.Success(out);
    }

    private void put(String bucket, String key, String body) {
        ObjectNode request = Json.object();
        request.put("Bucket", bucket);
        request.put("Key", key);
        request.put("Body", body);
        sdk.call(SdkCall.service("s3"), "putObject", request);
    }
}
