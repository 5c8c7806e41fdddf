package io.flowstate.api.model;

/** StartSyncExecution's billing details (AWS bills in 100 ms steps of at least 64 MB). */
public record BillingDetails(long billedMemoryUsedInMB, long billedDurationInMilliseconds) {}
