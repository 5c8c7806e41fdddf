package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** DeleteStateMachine: Deletes a state machine; running executions go on. */
public final class DeleteStateMachine {
    private DeleteStateMachine() {}

    /** DeleteStateMachine's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn) implements ApiRequest {}

    /** DeleteStateMachine's response members. */
    public record Response() implements ApiResponse {}
}
