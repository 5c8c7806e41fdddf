package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CreateActivity: Creates an activity, or returns the existing one of that name. */
public final class CreateActivity {
    private CreateActivity() {}

    /** CreateActivity's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 80) String name,
            List<Tag> tags,
            Optional<JsonNode> encryptionConfiguration) implements ApiRequest {}

    /** CreateActivity's response members. */
    public record Response(
            String activityArn,
            Instant creationDate) implements ApiResponse {}
}
