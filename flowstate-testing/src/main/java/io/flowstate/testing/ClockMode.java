package io.flowstate.testing;

/**
 * How a test execution's virtual clock moves. It never follows the wall clock: a test never sleeps, and
 * history timestamps are the same on every run.
 */
public enum ClockMode {
    /**
     * The clock jumps to the next timer whenever the execution has nothing to do but wait for time (Wait
     * states, Retry backoff, timeouts, slow tasks), so a one-day Wait finishes at once. It stops while a task
     * waits for the test (a {@code .waitForTaskToken} callback or an activity): otherwise the task's timeout
     * would always win before the test could answer.
     */
    AUTO_SKIP,
    /**
     * The clock moves only when the test calls {@link TestExecution#advance} (or
     * {@link TestExecution#runToCompletion}), so a test can observe an execution that is still waiting.
     */
    MANUAL
}
