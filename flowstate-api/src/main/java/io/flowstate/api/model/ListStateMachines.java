package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;
import java.util.Optional;

/** ListStateMachines: Lists state machines. */
public final class ListStateMachines {
    private ListStateMachines() {}

    /** ListStateMachines's request members, as the API model names them. */
    public record Request(
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken) implements ApiRequest {}

    /** ListStateMachines's response members. */
    public record Response(
            List<StateMachineListItem> stateMachines,
            Optional<String> nextToken) implements ApiResponse {}
}
