package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.model.IoSpec;
import io.flowstate.asl.model.Template;
import java.util.Optional;

/**
 * JSONPath input and output processing: InputPath, Parameters, ResultSelector, ResultPath, OutputPath. An absent
 * path defaults to {@code $}; {@code null} reads as empty (see {@link IoSpec}). A Map's {@code Parameters} is
 * its legacy ItemSelector and is left to the Map parser.
 *
 * <p>{@code Parameters} may be any JSON value, not only an object: an array's objects are templates, a string or
 * number is passed as it is. AWS accepts this although the ASL specification says "JSON object": its console
 * linter "permits the value to be any type" and AWS's language service schema was changed to match the service
 * (aws/aws-toolkit-vscode#2660, aws/amazon-states-language-service#83). ResultSelector stays an object.
 */
final class IoParser {
    private static final Path ROOT = Path.compile("$");

    private IoParser() {}

    static IoSpec parse(FieldReader r, String type) {
        Optional<Path> input = nullablePath(r, "InputPath", false);
        Optional<Path> output = nullablePath(r, "OutputPath", false);
        Optional<Path> result = nullablePath(r, "ResultPath", true);
        Optional<PayloadTemplate> parameters = "Map".equals(type) ? Optional.empty()
                : r.value("Parameters").flatMap(v -> compile(v, r, "Parameters"));
        Optional<PayloadTemplate> selector = r.object("ResultSelector").flatMap(o -> compile(o, r, "ResultSelector"));
        return new IoSpec(input, parameters, selector, result, output);
    }

    /** Absent: {@code $}; null: empty; otherwise the compiled path ({@code ResultPath}: a reference path). */
    static Optional<Path> nullablePath(FieldReader r, String field, boolean reference) {
        JsonNode v = r.node().get(field);
        if (v == null) {
            return Optional.of(ROOT);
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        Optional<String> text = r.string(field);
        if (text.isEmpty()) {
            return Optional.of(ROOT);
        }
        Optional<Path> p = reference
                ? Expressions.referencePath(text.get(), field, r.at(field), r.out())
                : Expressions.path(text.get(), field, r.at(field), r.out());
        return Optional.of(p.orElse(ROOT));
    }

    private static Optional<PayloadTemplate> compile(JsonNode template, FieldReader r, String field) {
        return Expressions.template(template, r.at(field), r.out()).flatMap(Template::compiled);
    }
}
