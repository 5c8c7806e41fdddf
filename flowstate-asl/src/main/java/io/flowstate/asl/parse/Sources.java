package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.NumberSource;
import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.TextSource;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the fields that come as a literal, a {@code ...Path} sibling or (in JSONata states) a {@code {% %}}
 * expression: TimeoutSeconds(Path), MaxConcurrency(Path), ToleratedFailurePercentage(Path), Error(Path), ...
 * Giving both the literal and the path form is an error at the literal's location.
 */
final class Sources {
    private Sources() {}

    static Optional<IntSource> integer(FieldReader r, String field, String pathField, QueryLanguage lang, long min,
            long max) {
        if (!r.atMostOne(field, pathField)) {
            return Optional.empty();
        }
        Optional<JsonNode> literal = r.value(field);
        if (literal.isPresent()) {
            if (lang == QueryLanguage.JSONATA && JsonataText.is(literal.get())) {
                return jsonata(r, field, literal.get()).map(IntSource.FromJsonata::new);
            }
            OptionalLong v = r.integerValue(literal.get(), field, r.at(field), min, max);
            return v.isPresent() ? Optional.of(new IntSource.Literal(v.getAsLong())) : Optional.empty();
        }
        return referencePath(r, pathField).map(IntSource.FromPath::new);
    }

    static Optional<NumberSource> number(FieldReader r, String field, String pathField, QueryLanguage lang,
            double min, double max) {
        if (!r.atMostOne(field, pathField)) {
            return Optional.empty();
        }
        Optional<JsonNode> literal = r.value(field);
        if (literal.isPresent()) {
            if (lang == QueryLanguage.JSONATA && JsonataText.is(literal.get())) {
                return jsonata(r, field, literal.get()).map(NumberSource.FromJsonata::new);
            }
            return r.number(field, min, max).map(NumberSource.Literal::new);
        }
        return referencePath(r, pathField).map(NumberSource.FromPath::new);
    }

    /**
     * A string literal (or JSONata expression), or a {@code ...Path} that may also be an intrinsic function
     * when {@code intrinsics} is true (Fail's ErrorPath/CausePath).
     */
    static Optional<TextSource> text(FieldReader r, String field, String pathField, QueryLanguage lang,
            boolean intrinsics) {
        if (!r.atMostOne(field, pathField)) {
            return Optional.empty();
        }
        if (r.has(field)) {
            JsonNode v = r.value(field).orElseThrow();
            if (lang == QueryLanguage.JSONATA && JsonataText.is(v)) {
                return jsonata(r, field, v).map(TextSource.FromJsonata::new);
            }
            return r.string(field).map(TextSource.Literal::new);
        }
        Optional<String> path = r.string(pathField);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!intrinsics && !path.get().startsWith("$")) {
            r.out().schema(Messages.invalidJsonPath(pathField), r.at(pathField));
            return Optional.empty();
        }
        return Expressions.value(path.get(), pathField, r.at(pathField), r.out()).map(TextSource.FromExpression::new);
    }

    private static Optional<io.flowstate.asl.jsonata.JsonataTemplate> jsonata(FieldReader r, String field, JsonNode v) {
        return Expressions.jsonata(v, r.at(field), r.out());
    }

    private static Optional<io.flowstate.asl.expr.Path> referencePath(FieldReader r, String pathField) {
        return r.string(pathField).flatMap(p -> Expressions.path(p, pathField, r.at(pathField), r.out()));
    }
}
