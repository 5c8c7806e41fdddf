package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CreateStateMachineAlias: Creates an alias routing executions to one or two versions. */
public final class CreateStateMachineAlias {
    private CreateStateMachineAlias() {}

    /** CreateStateMachineAlias's request members, as the API model names them. */
    public record Request(
            @Constraint(maxLength = 256, sensitive = true) Optional<String> description,
            @Constraint(minLength = 1, maxLength = 80) String name,
            @Constraint(minLength = 1, maxLength = 2, required = true) List<RoutingConfigurationListItem> routingConfiguration) implements ApiRequest {}

    /** CreateStateMachineAlias's response members. */
    public record Response(
            String stateMachineAliasArn,
            Instant creationDate) implements ApiResponse {}
}
