package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.util.Optional;

/** TestState: Runs one state (or a machine's named state) once and reports what it did. */
public final class TestState {
    private TestState() {}

    /** TestState's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 1048576, sensitive = true) String definition,
            @Constraint(minLength = 1, maxLength = 256) Optional<String> roleArn,
            @Constraint(maxLength = 262144, sensitive = true) Optional<String> input,
            Optional<InspectionLevel> inspectionLevel,
            boolean revealSecrets,
            @Constraint(maxLength = 262144, sensitive = true) Optional<String> variables,
            @Constraint(minLength = 1, maxLength = 80) Optional<String> stateName,
            Optional<JsonNode> mock,
            @Constraint(maxLength = 262144, sensitive = true) Optional<String> context,
            Optional<JsonNode> stateConfiguration) implements ApiRequest {}

    /** TestState's response members. */
    public record Response(
            Optional<String> output,
            Optional<String> error,
            Optional<String> cause,
            Optional<JsonNode> inspectionData,
            Optional<String> nextState,
            String status) implements ApiResponse {}
}
