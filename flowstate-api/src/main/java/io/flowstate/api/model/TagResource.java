package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;

/** TagResource: Adds or replaces tags. */
public final class TagResource {
    private TagResource() {}

    /** TagResource's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String resourceArn,
            @Constraint(required = true) List<Tag> tags) implements ApiRequest {}

    /** TagResource's response members. */
    public record Response() implements ApiResponse {}
}
