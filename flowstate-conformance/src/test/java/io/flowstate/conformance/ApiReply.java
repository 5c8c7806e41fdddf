package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What an {@link ApiCall} answered: the response document in the API's JSON shape (payloads as JSON strings),
 * or the API error.
 */
public record ApiReply(Optional<JsonNode> response, Optional<Rejection> rejection) {
    public ApiReply {
        requireNonNull(response, "response is null");
        requireNonNull(rejection, "rejection is null");
        if (response.isPresent() == rejection.isPresent()) {
            throw new IllegalArgumentException("exactly one of response and rejection");
        }
    }

    public static ApiReply of(JsonNode response) {
        return new ApiReply(Optional.of(response), Optional.empty());
    }

    public static ApiReply rejected(Rejection rejection) {
        return new ApiReply(Optional.empty(), Optional.of(rejection));
    }
}
