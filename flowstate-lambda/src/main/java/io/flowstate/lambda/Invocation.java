package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One invocation as the function receives it.
 *
 * @param requestId the id Invoke answers in {@code x-amzn-RequestId}, also the function's {@code aws_request_id}
 * @param payload the event, JSON text ({@code {}} when Invoke had no payload)
 * @param invokedArn the ARN the function was invoked by (with its qualifier, if any)
 * @param clientContext the decoded {@code X-Amz-Client-Context}, JSON text, if given
 */
record Invocation(String requestId, String payload, String invokedArn, Optional<String> clientContext) {
    Invocation {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(invokedArn, "invokedArn is null");
        requireNonNull(clientContext, "clientContext is null");
    }
}
