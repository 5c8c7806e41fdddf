package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]}: a value of the template's {@code Mappings}. */
final class FindInMapFunction {
    private FindInMapFunction() {}

    static JsonNode apply(Resolver r, JsonNode argument, TemplatePath at) {
        if (!argument.isArray() || argument.size() != 3) {
            throw at.error("Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        TemplatePath args = at.key("Fn::FindInMap");
        JsonNode value = r.template().section("Mappings");
        StringBuilder path = new StringBuilder("Mappings");
        for (int i = 0; i < 3; i++) {
            String key = r.string(argument.get(i), args.index(i));
            path.append('.').append(key);
            value = value.path(key);
            if (value.isMissingNode()) {
                throw at.error("Fn::FindInMap: the template has no " + path);
            }
        }
        return value;
    }
}
