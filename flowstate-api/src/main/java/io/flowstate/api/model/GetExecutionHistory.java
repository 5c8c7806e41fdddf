package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** GetExecutionHistory: An execution's history events, paged. */
public final class GetExecutionHistory {
    private GetExecutionHistory() {}

    /** GetExecutionHistory's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            boolean reverseOrder,
            @Constraint(minLength = 1, maxLength = 3096) Optional<String> nextToken,
            Optional<Boolean> includeExecutionData) implements ApiRequest {}

    /** GetExecutionHistory's response members. */
    public record Response(
            List<JsonNode> events,
            Optional<String> nextToken) implements ApiResponse {}
}
