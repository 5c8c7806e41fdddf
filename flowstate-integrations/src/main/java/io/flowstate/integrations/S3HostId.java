package io.flowstate.integrations;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

/**
 * The {@code HostId} of an S3 error body: the extended request id that S3 also sends as the {@code x-amz-id-2}
 * header, read from the body when a server sends only that.
 */
final class S3HostId {
    private static final Pattern HOST_ID = Pattern.compile("<HostId>([^<]+)</HostId>");

    private S3HostId() {}

    /** The body's host id, or null when the body has none. */
    static String of(AwsErrorDetails details) {
        if (details.rawResponse() == null) {
            return null;
        }
        Matcher m = HOST_ID.matcher(details.rawResponse().asString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }
}
