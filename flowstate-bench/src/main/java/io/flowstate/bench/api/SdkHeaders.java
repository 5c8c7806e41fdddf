package io.flowstate.bench.api;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers the AWS SDK for Java v2 puts on a Step Functions request (besides Host and Content-Length, which
 * each transport writes itself), so the server parses as much as it would for a real client. The signature is
 * well formed but not computed: the server accepts any credentials, and computing SigV4 would measure the
 * client, not the API.
 */
final class SdkHeaders {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    private SdkHeaders() {}

    /** Header name to value, in the order the SDK sends them, for {@code operation}. */
    static Map<String, String> forOperation(String operation) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String date = AMZ_DATE.format(now);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Map<String, String> h = new LinkedHashMap<>();
        // The SDK draws the invocation id from SecureRandom; a cheaper draw keeps the client's CPU out of the figure.
        h.put("amz-sdk-invocation-id", new UUID(rnd.nextLong(), rnd.nextLong()).toString());
        h.put("amz-sdk-request", "attempt=1; max=4");
        h.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDBENCH/" + date.substring(0, 8)
                + "/us-east-1/states/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;"
                + "content-type;host;x-amz-date;x-amz-target, Signature=" + SIGNATURE);
        h.put("Content-Type", "application/x-amz-json-1.0");
        h.put("User-Agent", "aws-sdk-java/2.31.0 md/io#sync md/http#UrlConnection ua/2.1 os/Linux lang/java#21 "
                + "md/vendor#flowstate-bench m/D,N");
        h.put("X-Amz-Date", date);
        h.put("X-Amz-Target", "AWSStepFunctions." + operation);
        return h;
    }
}
