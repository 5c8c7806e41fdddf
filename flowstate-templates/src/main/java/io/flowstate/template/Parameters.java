package io.flowstate.template;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.Map;

/**
 * The values of a template's {@code Parameters}: each one's {@code Default}, unless the user gave another
 * (overrides, from {@code --parameters}). As on CloudFormation, {@code Ref} to a parameter is a string, or for
 * {@code CommaDelimitedList} and {@code List<...>} a list of strings. Values are checked against
 * {@code AllowedValues}. A parameter is only evaluated when used, so a CDK template's
 * {@code BootstrapVersion} (an SSM parameter nothing here reads) needs no value.
 */
final class Parameters {
    private final Template template;
    private final Map<String, String> overrides;

    Parameters(Template template, Map<String, String> overrides) {
        this.template = requireNonNull(template, "template is null");
        this.overrides = Map.copyOf(overrides);
    }

    /** Whether the template declares parameter {@code name}. */
    boolean declares(String name) {
        return template.section("Parameters").path(name).isObject();
    }

    /** The value of parameter {@code name}, which the template declares; {@code at} is the use, for errors. */
    JsonNode value(String name, TemplatePath at) {
        TemplatePath declared = template.path().key("Parameters").key(name);
        JsonNode p = template.section("Parameters").path(name);
        String type = p.path("Type").asText("String");
        String value = overrides.get(name);
        if (value == null) {
            JsonNode dflt = p.path("Default");
            if (type.startsWith("AWS::SSM::Parameter::Value")) {
                throw declared.error("is read from SSM Parameter Store (" + type + "), which Flowstate cannot reach: "
                        + "give its value with --parameters (used at " + at.path() + ")");
            }
            if (dflt.isMissingNode() || dflt.isNull() || dflt.isContainerNode()) {
                throw declared.error("has no Default: give its value with --parameters (used at " + at.path() + ")");
            }
            value = dflt.asText();
        }
        JsonNode allowed = p.path("AllowedValues");
        if (allowed.isArray() && !contains(allowed, value)) {
            throw declared.error("value '" + value + "' is not one of its AllowedValues " + allowed);
        }
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            if (!value.isEmpty()) {
                Arrays.stream(value.split(",", -1)).map(String::strip).forEach(list::add);
            }
            return list;
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    private static boolean contains(JsonNode allowed, String value) {
        for (JsonNode a : allowed) {
            if (a.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
