package io.flowstate.lambda;

/**
 * The Lambda API errors this server answers with: the error code (sent in {@code x-amzn-ErrorType}, which the
 * SDKs read first), the HTTP status, and the body's message key. Lambda's model spells the message member
 * {@code Message} for some errors and {@code message} for others, and the SDKs fill the modelled member only,
 * so the key follows the model (botocore's Lambda exception pages) and, for not-found, what AWS was seen to send
 * ({@code {"Message":"Function not found: arn:...","Type":"User"}}).
 */
enum LambdaError {
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404, "Message"),
    RESOURCE_CONFLICT("ResourceConflictException", 409, "message"),
    INVALID_PARAMETER_VALUE("InvalidParameterValueException", 400, "message"),
    INVALID_REQUEST_CONTENT("InvalidRequestContentException", 400, "message"),
    /** Coral's validation of a request member against the model (patterns, ranges, required members). */
    VALIDATION("ValidationException", 400, "message"),
    /**
     * What AWS sends for an Invoke payload over the limit: not the modelled {@code RequestTooLargeException} but
     * {@code RequestEntityTooLargeException} (aws/aws-sdk-go#3080, aws/aws-sdk#45), which SDKs surface as the
     * service's generic exception with status 413.
     */
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLargeException", 413, "Message"),
    TOO_MANY_REQUESTS("TooManyRequestsException", 429, "message"),
    UNKNOWN_OPERATION("UnknownOperationException", 404, "Message"),
    SERVICE("ServiceException", 500, "Message");

    private final String code;
    private final int status;
    private final String messageKey;

    LambdaError(String code, int status, String messageKey) {
        this.code = code;
        this.status = status;
        this.messageKey = messageKey;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    /** {@code Type} in the body: the caller's mistake, or the service's fault. */
    String type() {
        return status >= 500 ? "Service" : "User";
    }

    LambdaException exception(String message) {
        return new LambdaException(this, message);
    }
}
