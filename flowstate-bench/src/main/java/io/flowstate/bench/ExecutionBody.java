package io.flowstate.bench;

/**
 * One execution as the measurement loops see it: start it and return once its result is available. An
 * implementation belongs to one thread; a failure (an execution that did not succeed) is thrown.
 */
@FunctionalInterface
public interface ExecutionBody {
    /** Runs one execution to completion. */
    void runOnce() throws Exception;
}
