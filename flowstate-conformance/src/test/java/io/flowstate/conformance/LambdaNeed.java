package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code needs.json} Lambda entry: the tokens to replace in definition and input, the placeholder the
 * recorded events show instead of the function name, and the behaviour.
 */
public record LambdaNeed(String arnToken, String nameToken, String recordedNamePlaceholder, JsonNode behaviour) {
    public LambdaNeed {
        requireNonNull(arnToken, "arnToken is null");
        requireNonNull(nameToken, "nameToken is null");
        requireNonNull(recordedNamePlaceholder, "recordedNamePlaceholder is null");
        requireNonNull(behaviour, "behaviour is null");
    }

    static LambdaNeed fromJson(JsonNode entry) {
        return new LambdaNeed(
                entry.path("arn_token").asText(),
                entry.path("name_token").asText(),
                entry.path("recorded_name_placeholder").asText(),
                entry.path("behaviour"));
    }
}
