package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** DeleteStateMachineVersion: Deletes a version. */
public final class DeleteStateMachineVersion {
    private DeleteStateMachineVersion() {}

    /** DeleteStateMachineVersion's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineVersionArn) implements ApiRequest {}

    /** DeleteStateMachineVersion's response members. */
    public record Response() implements ApiResponse {}
}
