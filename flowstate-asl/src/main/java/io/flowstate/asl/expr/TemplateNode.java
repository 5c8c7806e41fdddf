package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The compiled plan of a payload template: a tree that evaluation just walks. Subtrees without any
 * {@code .$} key are {@link Constant}s, shared (not copied) into every result.
 */
sealed interface TemplateNode {
    JsonNode evaluate(EvalContext ctx);

    /** A subtree with nothing to evaluate. */
    record Constant(JsonNode value) implements TemplateNode {
        @Override
        public JsonNode evaluate(EvalContext ctx) {
            return value;
        }
    }

    /** The value of a {@code .$} key; {@code field} is the key as written, which AWS names in causes. */
    record Expression(ValueExpression expression, String field) implements TemplateNode {
        @Override
        public JsonNode evaluate(EvalContext ctx) {
            return expression.evaluate(ctx, field);
        }
    }

    /** An object with at least one evaluated member; {@code keys} are the output keys (no {@code .$}). */
    record ObjectTemplate(String[] keys, TemplateNode[] values) implements TemplateNode {
        @Override
        public JsonNode evaluate(EvalContext ctx) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < keys.length; i++) {
                out.set(keys[i], values[i].evaluate(ctx));
            }
            return out;
        }
    }

    /** An array with at least one item that has evaluated members. */
    record ArrayTemplate(TemplateNode[] items) implements TemplateNode {
        @Override
        public JsonNode evaluate(EvalContext ctx) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(items.length);
            for (TemplateNode item : items) {
                out.add(item.evaluate(ctx));
            }
            return out;
        }
    }
}
