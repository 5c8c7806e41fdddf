package io.flowstate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Java functions of the server's own JVM, for tests and benchmarks that need a function costing nothing. */
class JavaFunctionTest extends LambdaTestBase {
    @Override
    LambdaServer.Builder configure(LambdaServer.Builder builder) {
        return builder.function("add", event -> JsonNodeFactory.instance.numberNode(
                event.path("a").asInt() + event.path("b").asInt()))
                .function("fail", event -> {
                    throw new IllegalStateException("no " + event.path("what").asText());
                });
    }

    @Test
    void invoke_javaFunction_resultAsJson() {
        InvokeResponse r = invoke("add", "{\"a\":2,\"b\":3}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("5");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("add")).runtimeAsString()).isEqualTo("java21");
    }

    @Test
    void invoke_javaFunctionThrows_javaRuntimeErrorPayload() {
        InvokeResponse r = invoke(server.functionArn("fail"), "{\"what\":\"luck\"}");

        JsonNode error = LambdaJson.parse(text(r));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(error.path("errorMessage").asText()).isEqualTo("no luck");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }
}
