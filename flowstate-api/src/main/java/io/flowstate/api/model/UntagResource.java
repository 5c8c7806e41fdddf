package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;

/** UntagResource: Removes tags by key. */
public final class UntagResource {
    private UntagResource() {}

    /** UntagResource's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String resourceArn,
            @Constraint(required = true) List<String> tagKeys) implements ApiRequest {}

    /** UntagResource's response members. */
    public record Response() implements ApiResponse {}
}
