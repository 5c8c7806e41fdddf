package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled JSONPath-mode payload template (Parameters, ResultSelector, ItemSelector, Assign): keys ending in
 * {@code .$} take the value of a path or intrinsic function and lose the suffix; other values are copied as
 * they are. Objects nested in objects and in arrays are templates too.
 *
 * <p>Compilation builds a plan once; evaluation walks it without parsing. Parts of the template without
 * {@code .$} keys, and values selected from the input, are shared with the result rather than copied, so
 * results must be treated as immutable like every other tree.
 */
public final class PayloadTemplate {
    private static final String SUFFIX = ".$";

    private final JsonNode source;
    private final TemplateNode plan;

    private PayloadTemplate(JsonNode source, TemplateNode plan) {
        this.source = source;
        this.plan = plan;
    }

    /**
     * Compiles a template; throws {@link ExpressionSyntaxException} naming the key when a {@code .$} value is
     * not a string holding a valid path or intrinsic function call.
     */
    public static PayloadTemplate compile(JsonNode template) {
        requireNonNull(template, "template is null");
        return new PayloadTemplate(template, plan(template));
    }

    /** The template as written. */
    public JsonNode source() {
        return source;
    }

    /** Evaluates the template against {@code ctx}; {@link EvaluationException} on a runtime error. */
    public JsonNode evaluate(EvalContext ctx) {
        return plan.evaluate(ctx);
    }

    private static TemplateNode plan(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            List<TemplateNode> values = new ArrayList<>();
            boolean constant = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                TemplateNode value;
                if (key.endsWith(SUFFIX)) {
                    value = new TemplateNode.Expression(expression(key, e.getValue()), key);
                    key = key.substring(0, key.length() - SUFFIX.length());
                } else {
                    value = plan(e.getValue());
                }
                constant &= value instanceof TemplateNode.Constant;
                keys.add(key);
                values.add(value);
            }
            return constant ? new TemplateNode.Constant(node)
                    : new TemplateNode.ObjectTemplate(keys.toArray(String[]::new), values.toArray(TemplateNode[]::new));
        }
        if (node.isArray()) {
            List<TemplateNode> items = new ArrayList<>();
            boolean constant = true;
            for (JsonNode item : node) {
                TemplateNode planned = plan(item);
                constant &= planned instanceof TemplateNode.Constant;
                items.add(planned);
            }
            return constant ? new TemplateNode.Constant(node) : new TemplateNode.ArrayTemplate(items.toArray(TemplateNode[]::new));
        }
        return new TemplateNode.Constant(node);
    }

    private static ValueExpression expression(String key, JsonNode value) {
        String prefix = "The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call";
        if (!value.isTextual()) {
            throw new ExpressionSyntaxException(prefix + ", not " + value);
        }
        try {
            return ValueExpression.compile(value.textValue());
        } catch (ExpressionSyntaxException e) {
            throw new ExpressionSyntaxException(prefix + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
