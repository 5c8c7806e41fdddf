package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** PublishStateMachineVersion: Publishes the current revision as a version (idempotent for an unchanged revision). */
public final class PublishStateMachineVersion {
    private PublishStateMachineVersion() {}

    /** PublishStateMachineVersion's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            Optional<String> revisionId,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> description) implements ApiRequest {}

    /** PublishStateMachineVersion's response members. */
    public record Response(
            Instant creationDate,
            String stateMachineVersionArn) implements ApiResponse {}
}
