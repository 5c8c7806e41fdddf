package io.flowstate.api.model;

/** Whether a response carries payloads (METADATA_ONLY leaves them out). */
public enum IncludedData { ALL_DATA, METADATA_ONLY }
