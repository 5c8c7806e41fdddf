package io.flowstate.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP metadata that AWS's optimized integrations add to a service's result ({@code SdkHttpMetadata} with
 * every header, the first value of each, and the status code; {@code SdkResponseMetadata} with the request id),
 * taken from the real response the service sent.
 */
public final class SdkMetadata {
    private SdkMetadata() {}

    /** Adds the metadata of {@code response} to {@code result}. */
    public static ObjectNode add(ObjectNode result, SdkResponse response) {
        SdkHttpResponse http = response.sdkHttpResponse();
        ObjectNode meta = result.putObject("SdkHttpMetadata");
        ObjectNode all = meta.putObject("AllHttpHeaders");
        ObjectNode first = meta.putObject("HttpHeaders");
        for (Map.Entry<String, List<String>> h : http.headers().entrySet()) {
            var values = all.putArray(h.getKey());
            h.getValue().forEach(values::add);
            if (!h.getValue().isEmpty()) {
                first.put(h.getKey(), h.getValue().get(0));
            }
        }
        meta.put("HttpStatusCode", http.statusCode());
        String requestId = response instanceof AwsResponse aws && aws.responseMetadata() != null
                ? aws.responseMetadata().requestId() : "UNKNOWN";
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return result;
    }
}
