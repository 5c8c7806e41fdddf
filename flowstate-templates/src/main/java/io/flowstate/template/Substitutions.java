package io.flowstate.template;

import com.fasterxml.jackson.databind.node.TextNode;
import io.flowstate.asl.json.Json;
import java.util.Map;

/**
 * {@code DefinitionSubstitutions}: every {@code ${Key}} of the definition whose key the map has is replaced
 * by its value, as CloudFormation does. Other {@code ${...}} are left as they are: they may be the
 * definition's own text.
 */
final class Substitutions {
    private Substitutions() {}

    /**
     * {@code definition} with its placeholders replaced. {@code jsonStrings}: the text is JSON written from a
     * tree, so every placeholder sits in a JSON string and a value is escaped as one (a quote in a value must
     * not end the string); a definition the user wrote as text gets the values as they are, as on AWS.
     */
    static String apply(String definition, Map<String, String> values, boolean jsonStrings) {
        if (values.isEmpty()) {
            return definition;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = definition.indexOf("${", i);
            int end = start < 0 ? -1 : definition.indexOf('}', start);
            if (end < 0) {
                return out.append(definition, i, definition.length()).toString();
            }
            String value = values.get(definition.substring(start + 2, end));
            if (value == null) {
                out.append(definition, i, start + 2);
                i = start + 2;
                continue;
            }
            out.append(definition, i, start).append(jsonStrings ? escaped(value) : value);
            i = end + 1;
        }
    }

    private static String escaped(String value) {
        String quoted = Json.write(TextNode.valueOf(value));
        return quoted.substring(1, quoted.length() - 1);
    }
}
