package io.flowstate.integrations;

import io.flowstate.engine.task.TaskOutcome;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Task failures from SDK exceptions, named as Step Functions names them. The two integration styles differ
 * because AWS built them on two SDK generations:
 * <ul>
 *   <li>{@code aws-sdk:*}: {@code <ServicePrefix>.<ExceptionClass>}, SDK v2's names ({@code S3.NoSuchKeyException},
 *       {@code DynamoDb.DynamoDbException}), the cause the exception's own message;</li>
 *   <li>optimized integrations: {@code <Prefix>.<v1 exception>} ({@code SQS.AmazonSQSException},
 *       {@code DynamoDB.ResourceNotFoundException}), the cause in SDK v1's message format.</li>
 * </ul>
 */
public final class ServiceErrors {
    private ServiceErrors() {}

    /** An {@code aws-sdk:*} failure: {@code prefix} is the SDK's class prefix of the service ({@code DynamoDb}). */
    public static TaskOutcome.Failure sdkStyle(String prefix, SdkException e) {
        // Today's AWS shows the SDK's whole message, "(SDK Attempt Count: 1)" included (recorded November 2025;
        // recordings from early 2025 end before it).
        return TaskOutcome.Failure.of(prefix + "." + e.getClass().getSimpleName(), sdkCause(e));
    }

    /**
     * S3's causes differ from every other service's on AWS: they end with the extended request id and carry no
     * attempt count ("... (Service: S3, Status Code: 404, Request ID: R, Extended Request ID: E)", recorded on AWS in
     * 2024 and 2025). S3 sends that id as {@code x-amz-id-2}; servers that only put it in the error body's
     * {@code HostId} (moto) still get AWS's shape.
     */
    private static String sdkCause(SdkException e) {
        if (!(e instanceof AwsServiceException ase) || ase.awsErrorDetails() == null
                || !"S3".equals(ase.awsErrorDetails().serviceName())) {
            return e.getMessage();
        }
        String message = message(e);
        if (ase.extendedRequestId() == null) {
            String hostId = S3HostId.of(ase.awsErrorDetails());
            if (hostId != null && message.endsWith(")")) {
                message = message.substring(0, message.length() - 1) + ", Extended Request ID: " + hostId + ")";
            }
        }
        return message;
    }

    /**
     * The exception's message without the {@code (SDK Attempt Count: N)} that SDK v2 appends, for the optimized
     * integrations' SDK v1 style, which has none.
     */
    static String message(SdkException e) {
        String m = String.valueOf(e.getMessage());
        return ATTEMPTS.matcher(m).replaceFirst("");
    }

    private static final java.util.regex.Pattern ATTEMPTS = java.util.regex.Pattern.compile(" \\(SDK Attempt Count: \\d+\\)$");

    /** An optimized integration's failure, {@code service} naming its v1 identity. */
    public static TaskOutcome.Failure v1Style(V1Service service, SdkException e) {
        if (!(e instanceof AwsServiceException ase)) {
            return TaskOutcome.Failure.of(service.errorPrefix() + ".SdkClientException", message(e));
        }
        String simple = e.getClass().getSimpleName();
        // The v2 base exception (SqsException) is v1's AmazonSQSException; modelled errors keep their names.
        String name = simple.equals(service.v2BaseException()) ? service.v1BaseException() : simple;
        AwsErrorDetails d = ase.awsErrorDetails();
        String message = d != null && d.errorMessage() != null ? d.errorMessage() : v1Message(ase);
        String code = d != null && d.errorCode() != null ? d.errorCode() : simple;
        String cause = message + " (Service: " + service.v1ServiceName() + "; Status Code: " + ase.statusCode()
                + "; Error Code: " + code + "; Request ID: " + ase.requestId() + "; Proxy: null)";
        return TaskOutcome.Failure.of(service.errorPrefix() + "." + name, cause);
    }

    /**
     * The message of an error response that carried none (a bare 500, a proxy's HTML page): the one the SDK made
     * up for it ({@code Service returned HTTP status code 500}), without the details v2 appends to its own message
     * ({@code (Service: Sqs, Status Code: 500, Request ID: ...)}), which the v1 format states in its own words.
     */
    private static String v1Message(AwsServiceException e) {
        String raw = e.rawMessage();
        return raw != null && !raw.isBlank() ? raw : "Service returned HTTP status code " + e.statusCode();
    }

    /**
     * How an optimized integration's service was named in SDK v1, which AWS's optimized integrations use.
     *
     * @param errorPrefix the prefix of its error names ({@code SQS})
     * @param v1ServiceName the service name in v1's messages ({@code AmazonSQS})
     * @param v1BaseException v1's catch-all exception ({@code AmazonSQSException})
     * @param v2BaseException v2's catch-all exception ({@code SqsException})
     */
    public record V1Service(String errorPrefix, String v1ServiceName, String v1BaseException, String v2BaseException) {}
}
