package io.flowstate.asl.jsonata;

import static java.util.Objects.requireNonNull;

/**
 * A JSONata expression that failed while it was evaluated, before the field it was written in is known;
 * {@link JsonataTemplate} turns it into AWS's {@code States.QueryEvaluationError} cause naming the field.
 */
public final class JsonataFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The library raised an error (a type error, a bad argument, a recursion too deep). */
        ERROR,
        /** The result was a function or a regular expression, which JSON cannot hold. */
        UNSUPPORTED_RESULT
    }

    private final Kind kind;

    JsonataFailure(Kind kind, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public Kind kind() {
        return kind;
    }
}
