package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Something from outside the interpreter that moves an execution on. */
public sealed interface Trigger {
    /** A task invocation ({@link Effect.InvokeTask}) returned a result. */
    record TaskSucceeded(long taskId, JsonNode output) implements Trigger {
        public TaskSucceeded {
            requireNonNull(output, "output is null");
        }
    }

    /**
     * The service call behind a {@code .sync} or {@code .waitForTaskToken} task was accepted and the task now
     * waits for its end or its token: {@code TaskSubmitted} records the service's {@code output}, once per attempt.
     */
    record TaskSubmitted(long taskId, JsonNode output) implements Trigger {
        public TaskSubmitted {
            requireNonNull(output, "output is null");
        }
    }

    /** A task invocation failed. */
    record TaskFailed(long taskId, String error, Optional<String> cause) implements Trigger {
        public TaskFailed {
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    /**
     * An activity worker took the task invocation (GetActivityTask): {@code ActivityStarted} records the worker.
     * Ignored for other tasks and for a task already started.
     */
    record TaskStarted(long taskId, Optional<String> workerName) implements Trigger {
        public TaskStarted {
            requireNonNull(workerName, "workerName is null");
        }
    }

    /** The worker of a task invocation is alive (SendTaskHeartbeat): its heartbeat timeout starts again. */
    record TaskHeartbeat(long taskId) implements Trigger {}

    /** A timer ({@link Effect.StartTimer}) is due. Stale timers (whose purpose is gone) are ignored. */
    record TimerFired(long timerId) implements Trigger {}

    /** StopExecution: abort with an optional error and cause. */
    record Stop(Optional<String> error, Optional<String> cause) implements Trigger {
        public Stop {
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    /**
     * StopExecution of a Distributed Map's child (item {@code index} of the run {@code mapRunArn}): the child is
     * aborted, and its Map Run counts it as an unsuccessful item (within the tolerance the run goes on). Ignored
     * when the child is not running.
     */
    record StopChild(String mapRunArn, int index, Optional<String> error, Optional<String> cause) implements Trigger {
        public StopChild {
            requireNonNull(mapRunArn, "mapRunArn is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    /**
     * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the state that did not
     * succeed, keeping what the states before it produced. Ignored by an execution in any other status.
     */
    record Redrive() implements Trigger {}

    /**
     * UpdateMapRun on a running Distributed Map's run: the values present replace the run's concurrency limit
     * and failure tolerance from now on (a higher limit starts more items at once; a tolerance is checked at
     * the next failure). Ignored when no running Map Run of the execution has that ARN.
     */
    record UpdateMapRun(String mapRunArn, Optional<Integer> maxConcurrency, Optional<Double> toleratedFailurePercentage,
            Optional<Long> toleratedFailureCount) implements Trigger {
        public UpdateMapRun {
            requireNonNull(mapRunArn, "mapRunArn is null");
            requireNonNull(maxConcurrency, "maxConcurrency is null");
            requireNonNull(toleratedFailurePercentage, "toleratedFailurePercentage is null");
            requireNonNull(toleratedFailureCount, "toleratedFailureCount is null");
        }
    }
}
