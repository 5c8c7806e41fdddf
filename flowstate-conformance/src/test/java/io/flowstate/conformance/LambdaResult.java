package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What one Lambda Invoke returned: a payload, or a function error (the function raised). */
public sealed interface LambdaResult {

    /**
     * The function returned. {@code payload} is the response payload exactly as Lambda sends it (Python's
     * {@code json.dumps} formatting for JSON results); it may be invalid JSON or larger than the 256 KiB that
     * Step Functions accepts, and the engine must then fail the task the way AWS does.
     */
    record Success(String payload) implements LambdaResult {
        public Success {
            requireNonNull(payload, "payload is null");
        }

        /** The payload parsed, or empty when it is not JSON. */
        public Optional<JsonNode> json() {
            return Json.tryParse(payload);
        }
    }

    /**
     * The function raised: Invoke answered with {@code X-Amz-Function-Error} and the Python runtime's error
     * payload. {@code cause} is that payload's text,
     * {@code {"errorMessage": ..., "errorType": ..., "requestId": ..., "stackTrace": [...]}}, in Python's
     * {@code json.dumps} formatting (AWS passes it on verbatim for {@code arn:aws:lambda:...} resources and
     * re-serialises it compactly for {@code lambda:invoke}).
     */
    record FunctionError(String errorType, String cause) implements LambdaResult {
        public FunctionError {
            requireNonNull(errorType, "errorType is null");
            requireNonNull(cause, "cause is null");
        }
    }
}
