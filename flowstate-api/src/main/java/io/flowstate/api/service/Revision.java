package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import java.time.Instant;
import java.util.Optional;

/**
 * One revision of a state machine: what CreateStateMachine or UpdateStateMachine set, immutable. A version
 * keeps the revision it was published from, and an execution the revision it started on (so
 * DescribeStateMachineForExecution still answers after an update or a delete).
 */
public record Revision(
        String definition,
        StateMachine machine,
        String roleArn,
        JsonNode loggingConfiguration,
        JsonNode tracingConfiguration,
        Optional<JsonNode> encryptionConfiguration,
        String revisionId,
        Instant updateDate) {
    public Revision {
        requireNonNull(definition, "definition is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(loggingConfiguration, "loggingConfiguration is null");
        requireNonNull(tracingConfiguration, "tracingConfiguration is null");
        requireNonNull(encryptionConfiguration, "encryptionConfiguration is null");
        requireNonNull(revisionId, "revisionId is null");
        requireNonNull(updateDate, "updateDate is null");
    }

    /** True when both revisions would behave and describe alike (CreateStateMachine's idempotency test). */
    public boolean sameSettings(Revision other) {
        return definition.equals(other.definition) && roleArn.equals(other.roleArn)
                && loggingConfiguration.equals(other.loggingConfiguration)
                && tracingConfiguration.equals(other.tracingConfiguration)
                && encryptionConfiguration.equals(other.encryptionConfiguration);
    }
}
