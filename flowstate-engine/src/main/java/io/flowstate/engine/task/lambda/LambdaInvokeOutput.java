package io.flowstate.engine.task.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The result of the {@code arn:aws:states:::lambda:invoke} integration as AWS returns it: the function's
 * payload wrapped with {@code ExecutedVersion}, {@code StatusCode} and the SDK's HTTP metadata. A direct
 * function ARN as Resource returns the bare payload instead.
 */
public final class LambdaInvokeOutput {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private LambdaInvokeOutput() {}

    /** Wraps {@code payload} (whose JSON text was {@code payloadBytes} long) as lambda:invoke's output at {@code now}. */
    public static ObjectNode of(JsonNode payload, int payloadBytes, Instant now) {
        String requestId = UUID.randomUUID().toString();
        String traceId = "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 24);
        String date = HTTP_DATE.format(now);
        String length = Integer.toString(payloadBytes);
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", payload);
        ObjectNode meta = out.putObject("SdkHttpMetadata");
        ObjectNode all = meta.putObject("AllHttpHeaders");
        all.putArray("X-Amz-Executed-Version").add("$LATEST");
        all.putArray("x-amzn-Remapped-Content-Length").add("0");
        all.putArray("Connection").add("keep-alive");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("Content-Length").add(length);
        all.putArray("Date").add(date);
        all.putArray("X-Amzn-Trace-Id").add(traceId);
        all.putArray("Content-Type").add("application/json");
        ObjectNode headers = meta.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", length);
        headers.put("Content-Type", "application/json");
        headers.put("Date", date);
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", traceId);
        meta.put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        out.put("StatusCode", 200);
        return out;
    }
}
