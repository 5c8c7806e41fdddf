package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** SendTaskSuccess: Completes the task waiting on a token. */
public final class SendTaskSuccess {
    private SendTaskSuccess() {}

    /** SendTaskSuccess's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 2048) String taskToken,
            @Constraint(maxLength = 262144, sensitive = true) String output) implements ApiRequest {}

    /** SendTaskSuccess's response members. */
    public record Response() implements ApiResponse {}
}
