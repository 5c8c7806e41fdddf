package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.List;

/** ListTagsForResource: Lists a resource's tags. */
public final class ListTagsForResource {
    private ListTagsForResource() {}

    /** ListTagsForResource's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String resourceArn) implements ApiRequest {}

    /** ListTagsForResource's response members. */
    public record Response(
            List<Tag> tags) implements ApiResponse {}
}
