package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

/** A Lambda API error to answer with: {@link LambdaHttpHandler} turns it into the error's status and JSON shape. */
final class LambdaException extends RuntimeException {
    private final LambdaError error;

    LambdaException(LambdaError error, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.error = requireNonNull(error, "error is null");
    }

    LambdaError error() {
        return error;
    }

    /** Coral's message for a member that breaks its constraint, e.g. a function name that is not a name. */
    static LambdaException validation(String member, String value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return LambdaError.VALIDATION.exception("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
