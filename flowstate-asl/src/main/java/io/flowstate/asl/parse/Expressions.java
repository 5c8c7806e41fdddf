package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.ExpressionSyntaxException;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.expr.ValueExpression;
import io.flowstate.asl.jsonata.JsonataTemplate;
import io.flowstate.asl.model.Template;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the expressions of a definition once, at parse time, turning {@link ExpressionSyntaxException} into
 * a diagnostic at the field's location so a bad path is a definition error, never a runtime surprise.
 */
final class Expressions {
    private Expressions() {}

    /** A path field ({@code InputPath}, {@code ItemsPath}, {@code Variable}, ...). */
    static Optional<Path> path(String text, String field, String location, Diagnostics out) {
        try {
            return Optional.of(Path.compile(text));
        } catch (ExpressionSyntaxException e) {
            out.schema(Messages.invalidJsonPath(field), location);
            return Optional.empty();
        }
    }

    /**
     * A reference path that names one place to write ({@code ResultPath}): on the state input, no wildcards,
     * filters, slices or unions.
     */
    static Optional<Path> referencePath(String text, String field, String location, Diagnostics out) {
        if (!text.startsWith("$") || text.startsWith("$$") || (text.length() > 1 && text.charAt(1) != '.'
                && text.charAt(1) != '[') || !isDefinite(text)) {
            out.schema(Messages.invalidReferencePath(field), location);
            return Optional.empty();
        }
        return path(text, field, location, out);
    }

    /** A path or intrinsic function ({@code .$} values, Fail {@code ErrorPath}/{@code CausePath}). */
    static Optional<ValueExpression> value(String text, String field, String location, Diagnostics out) {
        try {
            return Optional.of(ValueExpression.compile(text));
        } catch (ExpressionSyntaxException e) {
            out.schema(Messages.invalidJsonPathOrIntrinsic(field), location);
            return Optional.empty();
        }
    }

    /**
     * A JSONPath-mode payload template (Parameters, ResultSelector, ItemSelector, Assign). Each {@code .$} value
     * is checked first so that the diagnostic names the offending key; the template is then compiled whole.
     */
    static Optional<Template> template(JsonNode source, String location, Diagnostics out) {
        boolean ok = checkDollarKeys(source, location, out, 0);
        if (!ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(Template.of(PayloadTemplate.compile(source)));
        } catch (ExpressionSyntaxException e) {
            out.schema(e.getMessage(), location);
            return Optional.empty();
        }
    }

    /**
     * A JSONata-mode value: every {@code {% %}} string inside is compiled; one that does not compile is an
     * {@code INVALID_JSONATA_EXPRESSION} at its own location.
     */
    static Optional<JsonataTemplate> jsonata(JsonNode source, String location, Diagnostics out) {
        return jsonata(source, location, out, StatesScope.INPUT);
    }

    /**
     * As {@link #jsonata(JsonNode, String, Diagnostics)}, for a field whose {@code $states} holds the members
     * {@code scope} offers. References AWS refuses ({@code $$}, a {@code $states} member the field does not have,
     * a field name read from the empty top-level context) are {@code UNSUPPORTED_JSONATA_EXPRESSION}.
     */
    static Optional<JsonataTemplate> jsonata(JsonNode source, String location, Diagnostics out, StatesScope scope) {
        JsonataTemplate t;
        try {
            t = JsonataTemplate.compile(source);
        } catch (JsonataTemplate.TemplateSyntaxException e) {
            out.error(Codes.INVALID_JSONATA_EXPRESSION, Messages.invalidJsonata(e.expression(), e.getMessage()),
                    location + e.at());
            return Optional.empty();
        }
        boolean[] ok = {true};
        t.forEachExpression((at, e) -> {
            if (e.mentions("$$")) {
                out.error(Codes.UNSUPPORTED_JSONATA_EXPRESSION, Messages.unsupportedReference("$$"), location + at);
                ok[0] = false;
            }
            for (String member : e.statesMembers()) {
                if (!scope.offers(member)) {
                    out.error(Codes.UNSUPPORTED_JSONATA_EXPRESSION, Messages.noSuchStatesField(member), location + at);
                    ok[0] = false;
                }
            }
            for (String name : e.topLevelReferences()) {
                out.error(Codes.UNSUPPORTED_JSONATA_EXPRESSION, Messages.topLevelReference(name), location + at);
                ok[0] = false;
            }
        });
        return ok[0] ? Optional.of(t) : Optional.empty();
    }

    /** A JSONata-mode template field (Arguments, Assign, ItemSelector). */
    static Optional<Template> jsonataTemplate(JsonNode source, String location, Diagnostics out) {
        return jsonata(source, location, out).map(Template::of);
    }

    static Optional<Template> jsonataTemplate(JsonNode source, String location, Diagnostics out, StatesScope scope) {
        return jsonata(source, location, out, scope).map(Template::of);
    }

    private static boolean checkDollarKeys(JsonNode node, String location, Diagnostics out, int depth) {
        boolean ok = true;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                String at = Diagnostics.child(location, key);
                if (key.endsWith(".$")) {
                    if (!e.getValue().isTextual()) {
                        out.schema(Messages.wrongType(key, "a STRING"), at);
                        ok = false;
                    } else if (value(e.getValue().textValue(), key, at, out).isEmpty()) {
                        ok = false;
                    }
                } else {
                    ok &= checkDollarKeys(e.getValue(), at, out, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ok &= checkDollarKeys(node.get(i), Diagnostics.index(location, i), out, depth + 1);
            }
        }
        return ok;
    }

    /** True when the path has no wildcard, recursive descent, filter, slice or union outside quoted names. */
    static boolean isDefinite(String text) {
        char quote = 0;
        int bracketDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '[' -> bracketDepth++;
                case ']' -> bracketDepth--;
                case '*', '?', '@', '(' -> {
                    return false;
                }
                case ':', ',' -> {
                    if (bracketDepth > 0) {
                        return false;
                    }
                }
                case '.' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '.') {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }
}
