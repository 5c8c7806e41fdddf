package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskOutcome;

/**
 * A failure of an HTTP Task found while preparing or sending its request, named as AWS names it
 * ({@code States.Runtime}, {@code States.Http.Socket}, {@code Events.ConnectionResource.*}). Thrown inside
 * this package and turned into a {@link TaskOutcome.Failure} once, in {@link HttpInvoke}.
 */
final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;

    HttpFailure(String error, String cause) {
        super(cause, null, false, false);
        this.error = requireNonNull(error, "error is null");
    }

    /** A {@code States.Runtime} failure: the task's parameters or the response break a rule AWS enforces. */
    static HttpFailure runtime(String cause) {
        return new HttpFailure("States.Runtime", cause);
    }

    TaskOutcome.Failure outcome() {
        return TaskOutcome.Failure.of(error, getMessage());
    }
}
