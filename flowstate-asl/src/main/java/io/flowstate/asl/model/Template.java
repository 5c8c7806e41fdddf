package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.PayloadTemplate;
import java.util.Optional;

/**
 * A JSON value with embedded expressions: {@code Assign}, {@code ItemSelector}, JSONata {@code Arguments} and
 * {@code Output}. In JSONPath mode {@code compiled} is the payload template ({@code .$} keys); in JSONata mode
 * it is empty and the raw JSON with {@code {% %}} expressions is kept for the JSONata evaluator.
 */
public record Template(JsonNode source, Optional<PayloadTemplate> compiled) {
    public Template {
        requireNonNull(source, "source is null");
        requireNonNull(compiled, "compiled is null");
    }
}
