package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A runtime failure while evaluating an expression, carrying the ASL error name (for example
 * {@code States.Runtime} or {@code States.ResultPathMatchFailure}) and AWS's cause text. The interpreter turns it
 * into a state failure, which Retry and Catch may handle; it never escapes to a user as a stack trace.
 *
 * <p>The cause is the part AWS writes after its state prefix: the interpreter adds
 * {@code "An error occurred while executing the state 'S' (entered at the event id #N). "} in front of it.
 */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final transient Optional<String> location;

    public EvaluationException(String error, String cause) {
        this(error, cause, Optional.empty());
    }

    /**
     * A failure at a known field of the state ({@code Output/result}, {@code Items}): JSONata failures carry it
     * into the {@code EvaluationFailed} history event.
     */
    public EvaluationException(String error, String cause, Optional<String> location) {
        super(requireNonNull(cause, "cause is null"), null, false, false);
        this.error = requireNonNull(error, "error is null");
        this.location = requireNonNull(location, "location is null");
    }

    /** The ASL error name, e.g. {@code States.Runtime}. */
    public String error() {
        return error;
    }

    /** The field that failed, as AWS names it in {@code EvaluationFailed}, when known. */
    public Optional<String> location() {
        return location;
    }

    /** The cause text as AWS writes it. */
    public String cause() {
        return getMessage();
    }
}
