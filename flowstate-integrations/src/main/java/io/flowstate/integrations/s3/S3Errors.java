package io.flowstate.integrations.s3;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The errors S3 answers, raised as the SDK raises them, so local buckets fail as S3 does: the same exception
 * classes, codes, messages and status codes (404 for a missing bucket or key), with request ids.
 */
final class S3Errors {
    private S3Errors() {}

    static NoSuchBucketException noSuchBucket() {
        return (NoSuchBucketException) fill(NoSuchBucketException.builder(), "NoSuchBucket",
                "The specified bucket does not exist", 404).build();
    }

    static NoSuchKeyException noSuchKey() {
        return (NoSuchKeyException) fill(NoSuchKeyException.builder(), "NoSuchKey", "The specified key does not exist.",
                404).build();
    }

    static S3Exception invalid(String code, String message) {
        return (S3Exception) fill(S3Exception.builder(), code, message, 400).build();
    }

    private static S3Exception.Builder fill(S3Exception.Builder b, String code, String message, int status) {
        HexFormat hex = HexFormat.of().withUpperCase();
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        b.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build())
                .statusCode(status).requestId(hex.formatHex(id)).extendedRequestId(hex.formatHex(id) + "=")
                .message(message);
        return b;
    }
}
