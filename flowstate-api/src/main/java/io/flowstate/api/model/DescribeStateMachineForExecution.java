package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** DescribeStateMachineForExecution: The state machine revision an execution runs. */
public final class DescribeStateMachineForExecution {
    private DescribeStateMachineForExecution() {}

    /** DescribeStateMachineForExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            Optional<IncludedData> includedData) implements ApiRequest {}

    /** DescribeStateMachineForExecution's response members. */
    public record Response(
            String stateMachineArn,
            String name,
            Optional<String> definition,
            String roleArn,
            Instant updateDate,
            Optional<JsonNode> loggingConfiguration,
            Optional<JsonNode> tracingConfiguration,
            Optional<String> mapRunArn,
            Optional<String> label,
            Optional<String> revisionId,
            Optional<JsonNode> encryptionConfiguration,
            Optional<JsonNode> variableReferences) implements ApiResponse {}
}
