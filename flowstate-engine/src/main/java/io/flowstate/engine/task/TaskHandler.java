package io.flowstate.engine.task;

/**
 * Runs the work behind a Task state's {@code Resource}: a Lambda function, an activity, a service integration,
 * an in-process Java function or a mock. Called by the engine shell (never by the interpreter), possibly on
 * many threads at once; an implementation may block (it runs on a virtual thread).
 *
 * <p>Every implementation passes {@code TaskHandlerContract} in the engine's tests.
 */
@FunctionalInterface
public interface TaskHandler {
    /** Runs one invocation. Errors are returned as {@link TaskOutcome.Failure}, not thrown. */
    TaskOutcome invoke(TaskInvocation invocation);
}
