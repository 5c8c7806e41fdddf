package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** DescribeStateMachine: Describes a state machine, a version or (through an alias ARN) the alias target. */
public final class DescribeStateMachine {
    private DescribeStateMachine() {}

    /** DescribeStateMachine's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            Optional<IncludedData> includedData) implements ApiRequest {}

    /** DescribeStateMachine's response members. */
    public record Response(
            String stateMachineArn,
            String name,
            Optional<String> status,
            Optional<String> definition,
            String roleArn,
            String type,
            Instant creationDate,
            Optional<JsonNode> loggingConfiguration,
            Optional<JsonNode> tracingConfiguration,
            Optional<String> label,
            Optional<String> revisionId,
            Optional<String> description,
            Optional<JsonNode> encryptionConfiguration,
            Optional<JsonNode> variableReferences) implements ApiResponse {}
}
