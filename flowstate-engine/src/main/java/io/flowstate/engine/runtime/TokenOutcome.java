package io.flowstate.engine.runtime;

/** What became of SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat for a token. */
public enum TokenOutcome {
    /** Delivered to the waiting task. */
    ACCEPTED,
    /** No task was ever given this token ({@code TaskDoesNotExist}). */
    UNKNOWN_TOKEN,
    /** The task no longer waits: it completed, timed out, or its execution ended ({@code TaskTimedOut}). */
    TASK_GONE
}
