package io.flowstate.api.model;

/** ListExecutions' filter on whether an execution was redriven. */
public enum ExecutionRedriveFilter { REDRIVEN, NOT_REDRIVEN }
