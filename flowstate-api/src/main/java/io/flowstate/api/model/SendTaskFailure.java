package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.Optional;

/** SendTaskFailure: Fails the task waiting on a token. */
public final class SendTaskFailure {
    private SendTaskFailure() {}

    /** SendTaskFailure's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 2048) String taskToken,
            @Constraint(maxLength = 256, sensitive = true) Optional<String> error,
            @Constraint(maxLength = 32768, sensitive = true) Optional<String> cause) implements ApiRequest {}

    /** SendTaskFailure's response members. */
    public record Response() implements ApiResponse {}
}
