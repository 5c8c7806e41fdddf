package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** DeleteActivity: Deletes an activity. */
public final class DeleteActivity {
    private DeleteActivity() {}

    /** DeleteActivity's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String activityArn) implements ApiRequest {}

    /** DeleteActivity's response members. */
    public record Response() implements ApiResponse {}
}
