package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * {@code Ref}: a parameter's value, a pseudo parameter's, or a resource's identifier (what that type's
 * {@code Ref} returns: see {@link ResourceValues}). {@code AWS::NoValue} removes the property holding it.
 */
final class RefFunction {
    private RefFunction() {}

    static JsonNode apply(Resolver r, JsonNode argument, TemplatePath at) {
        if (!argument.isTextual()) {
            throw at.error("Ref takes the name of a parameter or resource, not " + Resolver.describe(argument));
        }
        return value(r, argument.textValue(), at);
    }

    /** What {@code Ref name} is; {@code Fn::Sub}'s {@code ${name}} uses it too. */
    static JsonNode value(Resolver r, String name, TemplatePath at) {
        if (name.equals("AWS::NoValue")) {
            return MissingNode.getInstance();
        }
        var pseudo = r.stack().pseudoParameter(name);
        if (pseudo.isPresent()) {
            return JsonNodeFactory.instance.textNode(pseudo.get());
        }
        if (name.startsWith("AWS::")) {
            throw at.error("pseudo parameter " + name + " is not supported (supported: AWS::Region, AWS::AccountId, "
                    + "AWS::Partition, AWS::StackName, AWS::URLSuffix, AWS::NoValue)");
        }
        if (r.parameters().declares(name)) {
            return r.parameters().value(name, at);
        }
        if (!r.template().resource(name).isMissingNode()) {
            return JsonNodeFactory.instance.textNode(r.resources().ref(name, at));
        }
        throw at.error("Ref to '" + name + "': the template has no parameter or resource of that name");
    }
}
