package io.flowstate.engine.interp;

/** The status of an execution, as DescribeExecution reports it. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE }
