package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates CloudFormation's intrinsic functions in a fragment of a template, as CloudFormation does when it
 * creates the stack: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}, {@code Fn::If}, {@code Fn::FindInMap} and {@code Fn::Base64}, against the template's
 * parameters, conditions, mappings and resources and the {@link Stack}'s pseudo parameters. Anything else
 * ({@code Fn::ImportValue}, {@code Fn::GetAZs}, ...) is an error naming the construct's path.
 *
 * <p>An object is a function call when its only member is {@code Ref} or starts with {@code Fn::}. A value that
 * evaluates to {@code AWS::NoValue} is dropped from the object or array holding it ({@link MissingNode} stands
 * for it meanwhile). Resource properties that others refer to ({@code FunctionName}, ...) are evaluated when
 * needed, so a template's unrelated parts need not be supported.
 */
final class Resolver {
    private final Template template;
    private final Stack stack;
    private final Parameters parameters;
    private final Conditions conditions;
    private final ResourceValues resources;
    /** The properties being evaluated: one that refers back to itself is reported instead of recursing forever. */
    private final Set<String> inProgress = new HashSet<>();

    Resolver(Template template, Stack stack, Map<String, String> parameterValues) {
        this.template = template;
        this.stack = stack;
        this.parameters = new Parameters(template, parameterValues);
        this.conditions = new Conditions(template, this);
        this.resources = new ResourceValues(template, stack, this);
    }

    Template template() {
        return template;
    }

    Stack stack() {
        return stack;
    }

    Parameters parameters() {
        return parameters;
    }

    Conditions conditions() {
        return conditions;
    }

    ResourceValues resources() {
        return resources;
    }

    /** {@code node} with every function call in it evaluated; {@link MissingNode} for {@code AWS::NoValue}. */
    JsonNode resolve(JsonNode node, TemplatePath at) {
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.properties().iterator().next().getKey();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return call(key, node.get(key), at);
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> {
                JsonNode v = resolve(e.getValue(), at.key(e.getKey()));
                if (!v.isMissingNode()) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = resolve(node.get(i), at.index(i));
                if (!v.isMissingNode()) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    /** {@code node} evaluated to a string; a number or boolean is written as text, as CloudFormation does. */
    String string(JsonNode node, TemplatePath at) {
        JsonNode v = resolve(node, at);
        if (!v.isValueNode() || v.isNull()) {
            throw at.error("expected a string, found " + describe(v));
        }
        return v.asText();
    }

    /** {@code node} evaluated to a list. */
    ArrayNode list(JsonNode node, TemplatePath at) {
        JsonNode v = resolve(node, at);
        if (!v.isArray()) {
            throw at.error("expected a list, found " + describe(v));
        }
        return (ArrayNode) v;
    }

    /** A resource property others refer to, evaluated under a guard against cycles. */
    String property(JsonNode node, TemplatePath at) {
        String key = at.toString();
        if (!inProgress.add(key)) {
            throw at.error("refers to itself (through Ref, Fn::GetAtt or Fn::Sub)");
        }
        try {
            return string(node, at);
        } finally {
            inProgress.remove(key);
        }
    }

    private JsonNode call(String function, JsonNode argument, TemplatePath at) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (function) {
            case "Ref" -> RefFunction.apply(this, argument, at);
            case "Fn::GetAtt" -> GetAttFunction.apply(this, argument, at);
            case "Fn::Sub" -> SubFunction.apply(this, argument, at);
            case "Fn::Join" -> ListFunctions.join(this, argument, at);
            case "Fn::Select" -> ListFunctions.select(this, argument, at);
            case "Fn::Split" -> ListFunctions.split(this, argument, at);
            case "Fn::If" -> conditions.ifFunction(argument, at);
            case "Fn::FindInMap" -> FindInMapFunction.apply(this, argument, at);
            case "Fn::Base64" -> nodes.textNode(Base64.getEncoder().encodeToString(
                    string(argument, at.key(function)).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" ->
                    throw at.error(function + " is only supported in the Conditions section (use Fn::If here)");
            default -> throw at.error(function + " is not supported");
        };
    }

    /** What a value is, for messages: "a list", "an object", "null"... */
    static String describe(JsonNode v) {
        return v.isArray() ? "a list" : v.isObject() ? "an object" : v.isNull() ? "null"
                : v.isMissingNode() ? "AWS::NoValue" : v.toString();
    }
}
