package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import io.flowstate.engine.interp.ExecutionStatus;
import java.util.List;
import java.util.Optional;

/** ListExecutions: Lists a state machine's (or a Map Run's) executions, newest first. */
public final class ListExecutions {
    private ListExecutions() {}

    /** ListExecutions's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) Optional<String> stateMachineArn,
            Optional<ExecutionStatus> statusFilter,
            @Constraint(min = 0, max = 1000) Optional<Integer> maxResults,
            @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken,
            @Constraint(minLength = 1, maxLength = 2000) Optional<String> mapRunArn,
            Optional<ExecutionRedriveFilter> redriveFilter) implements ApiRequest {}

    /** ListExecutions's response members. */
    public record Response(
            List<ExecutionListItem> executions,
            Optional<String> nextToken) implements ApiResponse {}
}
