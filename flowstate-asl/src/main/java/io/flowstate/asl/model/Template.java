package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.jsonata.JsonataTemplate;
import java.util.Optional;

/**
 * A JSON value with embedded expressions: {@code Assign}, {@code ItemSelector}, JSONata {@code Arguments}.
 * Compiled once at parse time in the language of its state: exactly one of {@code compiled} (JSONPath payload
 * template, {@code .$} keys) and {@code jsonata} ({@code {% %}} strings) is present.
 */
public record Template(JsonNode source, Optional<PayloadTemplate> compiled, Optional<JsonataTemplate> jsonata) {
    public Template {
        requireNonNull(source, "source is null");
        requireNonNull(compiled, "compiled is null");
        requireNonNull(jsonata, "jsonata is null");
        if (compiled.isPresent() == jsonata.isPresent()) {
            throw new IllegalArgumentException("a template is either JSONPath or JSONata");
        }
    }

    /** A JSONPath-mode template. */
    public static Template of(PayloadTemplate compiled) {
        return new Template(compiled.source(), Optional.of(compiled), Optional.empty());
    }

    /** A JSONata-mode template. */
    public static Template of(JsonataTemplate jsonata) {
        return new Template(jsonata.source(), Optional.empty(), Optional.of(jsonata));
    }
}
