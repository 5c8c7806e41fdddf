package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class SimpleJsonPathTest {

    @Test
    void replace_deepThenChildSteps_replacesOnlyMatchingChains() {
        JsonNode root = Json.parse("{\"events\":[{\"d\":{\"output\":{\"F\":1}}},{\"output\":{\"F\":2}}],"
                + "\"output\":{\"F\":3}}");

        SimpleJsonPath.compile("$..events..d.output.F").replace(root, v -> JsonNodeFactory.instance.textNode("R"));

        assertThat(root).isEqualTo(Json.parse("{\"events\":[{\"d\":{\"output\":{\"F\":\"R\"}}},"
                + "{\"output\":{\"F\":2}}],\"output\":{\"F\":3}}"));
    }

    @Test
    void compile_filterExpression_isRejected() {
        assertThatThrownBy(() -> SimpleJsonPath.compile("$..items[?(@.a)]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported JSONPath");
    }
}
