package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.ExecutionInfo;

/**
 * What started an execution: the definition text it runs (parsed again after a restart), its type and its
 * identity. With the journal it is all a store needs to rebuild the execution.
 */
public record StartRecord(String definition, String type, ExecutionInfo info) {
    public StartRecord {
        requireNonNull(definition, "definition is null");
        requireNonNull(type, "type is null");
        requireNonNull(info, "info is null");
    }
}
