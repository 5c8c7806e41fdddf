package io.flowstate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Node.js functions, when this machine has {@code node}. */
class NodeInvokeTest extends LambdaTestBase {
    private static final String HANDLER = """
            let count = 0;
            exports.handler = async (event, context) => {
              count++;
              console.log('invocation', count);
              if (event.fail) throw new TypeError('bad ' + event.fail);
              return { count, event, id: context.awsRequestId };
            };
            """;

    @BeforeAll
    void requireNode() {
        assumeTrue(new Interpreters("python3", "node").find(Language.NODE, "nodejs20.x").isPresent(),
                "node is not installed");
    }

    @Test
    void invoke_asyncHandler_resultAndStateKept() {
        String arn = create(unique("node"), Runtime.NODEJS20_X, "index.handler", Map.of("index.js", HANDLER), 3);

        InvokeResponse first = invoke(arn, "{\"a\":[1,2]}");
        JsonNode second = LambdaJson.parse(text(invoke(arn, "{}")));

        assertThat(text(first)).isEqualTo("{\"count\":1,\"event\":{\"a\":[1,2]},\"id\":\""
                + first.responseMetadata().requestId() + "\"}");
        assertThat(second.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void invoke_handlerThrows_nodeErrorPayload() {
        String arn = create(unique("node-throw"), Runtime.NODEJS20_X, "index.handler", Map.of("index.js", HANDLER), 3);

        InvokeResponse r = invoke(arn, "{\"fail\":\"input\"}");

        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = LambdaJson.parse(text(r));
        assertThat(error.path("errorType").asText()).isEqualTo("TypeError");
        assertThat(error.path("errorMessage").asText()).isEqualTo("bad input");
        assertThat(error.path("trace").get(1).asText()).contains("(/var/task/index.js:5:");
    }

    @Test
    void invoke_esModule_loaded() {
        String arn = create(unique("node-esm"), Runtime.NODEJS20_X, "app.run",
                Map.of("app.mjs", "export const run = async (event) => ({ echoed: event });\n"), 3);

        assertThat(text(invoke(arn, "[1]"))).isEqualTo("{\"echoed\":[1]}");
    }
}
