package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** SendTaskHeartbeat: Reports that the task waiting on a token is alive. */
public final class SendTaskHeartbeat {
    private SendTaskHeartbeat() {}

    /** SendTaskHeartbeat's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 2048) String taskToken) implements ApiRequest {}

    /** SendTaskHeartbeat's response members. */
    public record Response() implements ApiResponse {}
}
