package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code Conditions}, evaluated when first used ({@code Fn::If}, a resource's
 * {@code Condition}) and then remembered: {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not}
 * and {@code {"Condition": name}}, over parameters, pseudo parameters and mappings.
 */
final class Conditions {
    private final Template template;
    private final Resolver resolver;
    private final Map<String, Boolean> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    Conditions(Template template, Resolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** Whether condition {@code name} holds; {@code at} is where it is used, for errors. */
    boolean value(String name, TemplatePath at) {
        Boolean known = values.get(name);
        if (known != null) {
            return known;
        }
        JsonNode expression = template.section("Conditions").path(name);
        if (expression.isMissingNode()) {
            throw at.error("the template has no condition '" + name + "'");
        }
        if (!evaluating.add(name)) {
            throw template.path().key("Conditions").key(name).error("refers to itself");
        }
        try {
            boolean v = evaluate(expression, template.path().key("Conditions").key(name));
            values.put(name, v);
            return v;
        } finally {
            evaluating.remove(name);
        }
    }

    /** {@code Fn::If [condition, valueIfTrue, valueIfFalse]}. */
    JsonNode ifFunction(JsonNode argument, TemplatePath at) {
        if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
            throw at.error("Fn::If takes [ConditionName, valueIfTrue, valueIfFalse]");
        }
        TemplatePath args = at.key("Fn::If");
        int branch = value(argument.get(0).textValue(), args.index(0)) ? 1 : 2;
        return resolver.resolve(argument.get(branch), args.index(branch));
    }

    private boolean evaluate(JsonNode expression, TemplatePath at) {
        if (!expression.isObject() || expression.size() != 1) {
            throw at.error("a condition is one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
        }
        var entry = expression.properties().iterator().next();
        String function = entry.getKey();
        JsonNode args = entry.getValue();
        TemplatePath argsAt = at.key(function);
        if (function.equals("Condition")) {
            if (!args.isTextual()) {
                throw argsAt.error("Condition takes a condition name");
            }
            return value(args.textValue(), argsAt);
        }
        if (!args.isArray()) {
            throw at.error(function + " takes a list");
        }
        return switch (function) {
            case "Fn::Equals" -> {
                if (args.size() != 2) {
                    throw at.error("Fn::Equals takes [value1, value2]");
                }
                yield same(resolver.resolve(args.get(0), argsAt.index(0)), resolver.resolve(args.get(1), argsAt.index(1)));
            }
            case "Fn::Not" -> {
                if (args.size() != 1) {
                    throw at.error("Fn::Not takes [condition]");
                }
                yield !evaluate(args.get(0), argsAt.index(0));
            }
            case "Fn::And", "Fn::Or" -> {
                boolean and = function.equals("Fn::And");
                boolean result = and;
                for (int i = 0; i < args.size(); i++) {
                    // Every operand is evaluated, so an invalid one is reported whatever the others are.
                    boolean v = evaluate(args.get(i), argsAt.index(i));
                    result = and ? result && v : result || v;
                }
                yield result;
            }
            default -> throw at.error(function + " is not a condition function");
        };
    }

    /** CloudFormation compares the values as strings: {@code "1"} equals {@code 1}. */
    private static boolean same(JsonNode a, JsonNode b) {
        return a.isValueNode() && b.isValueNode() ? a.asText().equals(b.asText()) : a.equals(b);
    }
}
