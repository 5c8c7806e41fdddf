package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSONPath-mode payload template (Parameters, ResultSelector, ItemSelector, Assign): keys ending in
 * {@code .$} take the value of a path or intrinsic function; other values are copied as they are.
 *
 * <p>Placeholder implementation; replaced by the compiled template engine.
 */
public final class PayloadTemplate {
    private final JsonNode template;

    private PayloadTemplate(JsonNode template) {
        this.template = template;
    }

    /** Compiles a template; throws {@link ExpressionSyntaxException} for an invalid path or function call. */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(requireNonNull(template, "template is null"));
    }

    /** The template as written. */
    public JsonNode source() {
        return template;
    }

    /** Evaluates the template against {@code ctx}. */
    public JsonNode evaluate(EvalContext ctx) {
        return template;
    }
}
