package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** ListStateMachineAliases: Lists a state machine's aliases. */
public final class ListStateMachineAliases {
    private ListStateMachineAliases() {}

    /** ListStateMachineAliases's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken) implements ApiRequest {}

    /** ListStateMachineAliases's response members. */
    public record Response(
            List<AliasListItem> stateMachineAliases,
            Optional<String> nextToken) implements ApiResponse {}
}
