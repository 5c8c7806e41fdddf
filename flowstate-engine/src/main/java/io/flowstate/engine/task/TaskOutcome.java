package io.flowstate.engine.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** What a task invocation produced: a result, or an error name with its cause. */
public sealed interface TaskOutcome {
    /** The task succeeded with {@code output}. */
    record Success(JsonNode output) implements TaskOutcome {
        public Success {
            requireNonNull(output, "output is null");
        }
    }

    /** The task failed with error {@code error} (e.g. {@code Lambda.Unknown}, a function's errorType) and {@code cause}. */
    record Failure(String error, Optional<String> cause) implements TaskOutcome {
        public Failure {
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }

        /** A failure with a cause. */
        public static Failure of(String error, String cause) {
            return new Failure(error, Optional.ofNullable(cause));
        }
    }

    /**
     * The service accepted the call ({@code response}, recorded as {@code TaskSubmitted}) and the task goes on
     * until {@code completion} returns its end: what a {@code .sync} integration returns once the job started.
     */
    record Submitted(JsonNode response, Completion completion) implements TaskOutcome {
        public Submitted {
            requireNonNull(response, "response is null");
            requireNonNull(completion, "completion is null");
        }
    }

    /** Waits for a submitted task's end (it may block: it runs on a virtual thread). */
    @FunctionalInterface
    interface Completion {
        TaskOutcome await();
    }

    /**
     * The task takes {@code duration} of (virtual or real) time before it produces {@code then}; lets in-process
     * handlers model slow work without sleeping, so a task timeout can win against a testing clock.
     */
    record Delayed(Duration duration, TaskOutcome then) implements TaskOutcome {
        public Delayed {
            requireNonNull(duration, "duration is null");
            requireNonNull(then, "then is null");
        }
    }
}
