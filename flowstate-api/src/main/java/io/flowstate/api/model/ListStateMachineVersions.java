package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** ListStateMachineVersions: Lists a state machine's versions, newest first. */
public final class ListStateMachineVersions {
    private ListStateMachineVersions() {}

    /** ListStateMachineVersions's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken) implements ApiRequest {}

    /** ListStateMachineVersions's response members. */
    public record Response(
            List<VersionListItem> stateMachineVersions,
            Optional<String> nextToken) implements ApiResponse {}
}
