package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** UpdateStateMachine: Changes a state machine's definition, role or configuration (a new revision). */
public final class UpdateStateMachine {
    private UpdateStateMachine() {}

    /** UpdateStateMachine's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            @Constraint(minLength = 1, maxLength = 1048576, sensitive = true) Optional<String> definition,
            @Constraint(minLength = 1, maxLength = 256) Optional<String> roleArn,
            Optional<JsonNode> loggingConfiguration,
            Optional<JsonNode> tracingConfiguration,
            boolean publish,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> versionDescription,
            Optional<JsonNode> encryptionConfiguration) implements ApiRequest {}

    /** UpdateStateMachine's response members. */
    public record Response(
            Instant updateDate,
            Optional<String> revisionId,
            Optional<String> stateMachineVersionArn) implements ApiResponse {}
}
