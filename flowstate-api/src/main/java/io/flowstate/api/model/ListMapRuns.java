package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** ListMapRuns: Lists the Map Runs of an execution. */
public final class ListMapRuns {
    private ListMapRuns() {}

    /** ListMapRuns's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken) implements ApiRequest {}

    /** ListMapRuns's response members. */
    public record Response(
            List<MapRunListItem> mapRuns,
            Optional<String> nextToken) implements ApiResponse {}
}
