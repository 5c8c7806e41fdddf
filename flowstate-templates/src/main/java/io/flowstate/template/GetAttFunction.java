package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code Fn::GetAtt}: an attribute of one of the template's resources, as {@code [LogicalId, Attribute]} or
 * {@code "LogicalId.Attribute"} (the YAML short form {@code !GetAtt Fn.Arn}). The values are computed from the
 * stack and the resource's properties by {@link ResourceValues}.
 */
final class GetAttFunction {
    private GetAttFunction() {}

    static JsonNode apply(Resolver r, JsonNode argument, TemplatePath at) {
        TemplatePath args = at.key("Fn::GetAtt");
        String id;
        String attribute;
        if (argument.isTextual() && argument.textValue().contains(".")) {
            String text = argument.textValue();
            id = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            id = argument.get(0).textValue();
            attribute = r.string(argument.get(1), args.index(1));
        } else {
            throw at.error("Fn::GetAtt takes [LogicalId, Attribute] or \"LogicalId.Attribute\"");
        }
        return JsonNodeFactory.instance.textNode(value(r, id, attribute, at));
    }

    /** The value of {@code id.attribute}; {@code Fn::Sub}'s {@code ${id.attribute}} uses it too. */
    static String value(Resolver r, String id, String attribute, TemplatePath at) {
        if (r.template().resource(id).isMissingNode()) {
            throw at.error("Fn::GetAtt " + id + "." + attribute + ": the template has no resource '" + id + "'");
        }
        return r.resources().attribute(id, attribute, at);
    }
}
