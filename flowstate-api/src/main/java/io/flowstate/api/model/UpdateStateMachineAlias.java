package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** UpdateStateMachineAlias: Changes an alias's description or routing. */
public final class UpdateStateMachineAlias {
    private UpdateStateMachineAlias() {}

    /** UpdateStateMachineAlias's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineAliasArn,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> description,
            @Constraint(minLength = 1, maxLength = 2) List<RoutingConfigurationListItem> routingConfiguration) implements ApiRequest {}

    /** UpdateStateMachineAlias's response members. */
    public record Response(
            Instant updateDate) implements ApiResponse {}
}
