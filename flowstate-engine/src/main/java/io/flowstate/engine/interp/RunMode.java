package io.flowstate.engine.interp;

/**
 * How an execution is run, beyond what it is ({@link ExecutionInfo}).
 *
 * @param captureChildren whether Distributed Map children record their own histories (an execution rebuilt to
 *     show them; the decisions are the same either way)
 * @param synchronous a StartSyncExecution of an Express machine: AWS's context object then shows no
 *     {@code Execution.RedriveCount}, which an asynchronous Express execution shows as 0 (both recorded on AWS)
 */
public record RunMode(boolean captureChildren, boolean synchronous) {
    /** An execution started by StartExecution, run for itself. */
    public static final RunMode DEFAULT = new RunMode(false, false);
}
