package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.jsonata.JsonataTemplate;
import io.flowstate.asl.expr.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code Catch} entry. {@code resultPath}: empty when the definition says {@code null} (keep the input,
 * drop the error output); defaults to {@code $}. {@code output} is the JSONata-mode {@code Output}.
 */
public record Catcher(
        List<String> errorEquals,
        String next,
        Optional<Path> resultPath,
        Optional<Template> assign,
        Optional<JsonataTemplate> output) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
        requireNonNull(next, "next is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(assign, "assign is null");
        requireNonNull(output, "output is null");
    }
}
