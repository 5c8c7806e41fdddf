package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** DescribeStateMachineAlias: Describes an alias. */
public final class DescribeStateMachineAlias {
    private DescribeStateMachineAlias() {}

    /** DescribeStateMachineAlias's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineAliasArn) implements ApiRequest {}

    /** DescribeStateMachineAlias's response members. */
    public record Response(
            String stateMachineAliasArn,
            String name,
            Optional<String> description,
            List<RoutingConfigurationListItem> routingConfiguration,
            Instant creationDate,
            Optional<Instant> updateDate) implements ApiResponse {}
}
