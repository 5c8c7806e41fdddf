package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** DescribeActivity: Describes an activity. */
public final class DescribeActivity {
    private DescribeActivity() {}

    /** DescribeActivity's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String activityArn) implements ApiRequest {}

    /** DescribeActivity's response members. */
    public record Response(
            String activityArn,
            String name,
            Instant creationDate,
            Optional<JsonNode> encryptionConfiguration) implements ApiResponse {}
}
