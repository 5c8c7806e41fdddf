package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Thrown from a {@link TaskBinding#answers} function to fail the task with a chosen error name and cause, as a
 * Lambda function that raises an exception of type {@code error} would:
 * {@code throw new TaskError("Payment.Declined", "card expired")}. A {@code Retry} or {@code Catch} on
 * {@code Payment.Declined} then matches it. Carries no stack trace: it is an outcome, not a bug.
 */
public final class TaskError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;

    /** A failure named {@code error}, with {@code cause} (may be null: no cause). */
    public TaskError(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = requireNonNull(error, "error is null");
        this.cause = cause;
    }

    /** The error name, matched by {@code ErrorEquals}. */
    public String error() {
        return error;
    }

    /** The cause, if any. */
    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }
}
