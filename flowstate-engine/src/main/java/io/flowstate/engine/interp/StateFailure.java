package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A runtime error as data: an error name ({@code States.*} or a custom one) and an optional cause. An empty name
 * is a failure reported without one (SendTaskFailure with no {@code error}). {@code heartbeat} marks a task's
 * heartbeat timeout: AWS reports it as {@code States.Timeout}, yet a Retrier or Catcher naming
 * {@code States.HeartbeatTimeout} matches it.
 */
public record StateFailure(String error, Optional<String> cause, boolean heartbeat) {
    public StateFailure {
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }

    /** A failure that is not a heartbeat timeout. */
    public StateFailure(String error, Optional<String> cause) {
        this(error, cause, false);
    }

    /** The error name for history events: absent when the failure was reported without one. */
    public Optional<String> errorName() {
        return error.isEmpty() ? Optional.empty() : Optional.of(error);
    }

    /** The error output Catch hands on: {@code Error} and {@code Cause}, both null when no error was named. */
    public com.fasterxml.jackson.databind.node.ObjectNode errorOutput() {
        com.fasterxml.jackson.databind.node.ObjectNode out = io.flowstate.asl.json.Json.object();
        if (error.isEmpty()) {
            out.putNull("Error");
            out.put("Cause", cause.orElse(null));
            return out;
        }
        out.put("Error", error);
        cause.ifPresent(c -> out.put("Cause", c));
        return out;
    }

    /** A failure with a cause. */
    public static StateFailure of(String error, String cause) {
        return new StateFailure(error, Optional.ofNullable(cause));
    }
}
