package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code Fn::Sub}: a string with {@code ${Name}} placeholders, as {@code "text"} or
 * {@code ["text", {"Var": value, ...}]}. A placeholder is a variable of the second form, else a parameter, a
 * pseudo parameter ({@code ${AWS::Region}}) or a resource ({@code Ref}), or with a dot a resource attribute
 * ({@code ${Fn.Arn}}, as {@code Fn::GetAtt}). {@code ${!Literal}} is written as {@code ${Literal}}, and an
 * unclosed {@code ${} is kept as it is.
 */
final class SubFunction {
    private SubFunction() {}

    static JsonNode apply(Resolver r, JsonNode argument, TemplatePath at) {
        TemplatePath args = at.key("Fn::Sub");
        JsonNode text;
        JsonNode variables;
        TemplatePath textAt;
        if (argument.isArray() && argument.size() == 2 && argument.get(1).isObject()) {
            text = argument.get(0);
            variables = argument.get(1);
            textAt = args.index(0);
        } else {
            text = argument;
            variables = JsonNodeFactory.instance.objectNode();
            textAt = args;
        }
        if (!text.isTextual()) {
            throw at.error("Fn::Sub takes a string, or [string, {variables}]");
        }
        return JsonNodeFactory.instance.textNode(substitute(r, text.textValue(), variables, args.index(1), textAt));
    }

    private static String substitute(Resolver r, String text, JsonNode variables, TemplatePath variablesAt,
            TemplatePath at) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                out.append(value(r, name, variables, variablesAt, at));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String value(Resolver r, String name, JsonNode variables, TemplatePath variablesAt,
            TemplatePath at) {
        if (variables.has(name)) {
            return r.string(variables.get(name), variablesAt.key(name));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return GetAttFunction.value(r, name.substring(0, dot), name.substring(dot + 1), at);
        }
        JsonNode v = RefFunction.value(r, name, at);
        if (!v.isValueNode()) {
            throw at.error("${" + name + "} is " + Resolver.describe(v) + ", not a string: Fn::Sub cannot insert it");
        }
        return v.asText();
    }
}
