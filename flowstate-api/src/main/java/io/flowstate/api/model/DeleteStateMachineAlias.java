package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** DeleteStateMachineAlias: Deletes an alias. */
public final class DeleteStateMachineAlias {
    private DeleteStateMachineAlias() {}

    /** DeleteStateMachineAlias's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineAliasArn) implements ApiRequest {}

    /** DeleteStateMachineAlias's response members. */
    public record Response() implements ApiResponse {}
}
