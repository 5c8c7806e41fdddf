package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The functions on lists: {@code Fn::Join [delimiter, [values]]} (how CDK writes a definition that refers to
 * other resources), {@code Fn::Select [index, list]} and {@code Fn::Split [delimiter, text]}. Their list
 * arguments may be literal or come from another function ({@code Fn::Split}, a list parameter's {@code Ref}).
 */
final class ListFunctions {
    private ListFunctions() {}

    static JsonNode join(Resolver r, JsonNode argument, TemplatePath at) {
        TemplatePath args = arguments(argument, "Fn::Join", "[delimiter, [values]]", at);
        String delimiter = r.string(argument.get(0), args.index(0));
        ArrayNode values = r.list(argument.get(1), args.index(1));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (!v.isValueNode() || v.isNull()) {
                throw args.index(1).index(i).error("Fn::Join joins strings, not " + Resolver.describe(v));
            }
            parts.add(v.asText());
        }
        return JsonNodeFactory.instance.textNode(String.join(delimiter, parts));
    }

    static JsonNode select(Resolver r, JsonNode argument, TemplatePath at) {
        TemplatePath args = arguments(argument, "Fn::Select", "[index, list]", at);
        String index = r.string(argument.get(0), args.index(0));
        ArrayNode list = r.list(argument.get(1), args.index(1));
        int i;
        try {
            i = Integer.parseInt(index.strip());
        } catch (NumberFormatException e) {
            throw args.index(0).error("Fn::Select's index must be a number, not '" + index + "'");
        }
        if (i < 0 || i >= list.size()) {
            throw at.error("Fn::Select index " + i + " is outside the list of " + list.size());
        }
        return list.get(i);
    }

    static JsonNode split(Resolver r, JsonNode argument, TemplatePath at) {
        TemplatePath args = arguments(argument, "Fn::Split", "[delimiter, text]", at);
        String delimiter = r.string(argument.get(0), args.index(0));
        String text = r.string(argument.get(1), args.index(1));
        if (delimiter.isEmpty()) {
            throw args.index(0).error("Fn::Split's delimiter must not be empty");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String part : text.split(Pattern.quote(delimiter), -1)) {
            out.add(part);
        }
        return out;
    }

    /** Checks {@code argument} is a pair; the path of its elements. */
    private static TemplatePath arguments(JsonNode argument, String function, String form, TemplatePath at) {
        if (!argument.isArray() || argument.size() != 2) {
            throw at.error(function + " takes " + form);
        }
        return at.key(function);
    }
}
