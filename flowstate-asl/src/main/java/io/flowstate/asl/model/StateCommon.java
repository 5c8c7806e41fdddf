package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.jsonata.JsonataTemplate;
import java.util.Optional;

/**
 * The fields every state type has: its name, Comment, effective query language (the state's own or inherited
 * from its machine), {@code Assign}, and the JSONata {@code Output}.
 */
public record StateCommon(
        String name,
        Optional<String> comment,
        QueryLanguage queryLanguage,
        Optional<Template> assign,
        Optional<JsonataTemplate> output) {
    public StateCommon {
        requireNonNull(name, "name is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(queryLanguage, "queryLanguage is null");
        requireNonNull(assign, "assign is null");
        requireNonNull(output, "output is null");
    }
}
