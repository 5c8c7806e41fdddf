package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CreateStateMachine: Creates a state machine; idempotent when every argument matches the existing one. */
public final class CreateStateMachine {
    private CreateStateMachine() {}

    /** CreateStateMachine's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 80) String name,
            @Constraint(minLength = 1, maxLength = 1048576, sensitive = true) String definition,
            @Constraint(minLength = 1, maxLength = 256) String roleArn,
            Optional<StateMachineType> type,
            Optional<JsonNode> loggingConfiguration,
            List<Tag> tags,
            Optional<JsonNode> tracingConfiguration,
            boolean publish,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> versionDescription,
            Optional<JsonNode> encryptionConfiguration) implements ApiRequest {}

    /** CreateStateMachine's response members. */
    public record Response(
            String stateMachineArn,
            Instant creationDate,
            Optional<String> stateMachineVersionArn) implements ApiResponse {}
}
