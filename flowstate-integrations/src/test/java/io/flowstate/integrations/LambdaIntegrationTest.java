package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkClients;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Lambda through a real Invoke API endpoint, both as a function ARN and as {@code lambda:invoke}. */
class LambdaIntegrationTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static LambdaEndpoint lambda;
    private static Integrations integrations;

    @BeforeAll
    static void start() throws Exception {
        lambda = new LambdaEndpoint()
                .function("echo", payload -> payload)
                .function("text", payload -> "not json")
                .function("fail", payload -> {
                    throw new LambdaEndpoint.FunctionError("ValueError", "bad input");
                });
        integrations = new Integrations(new SdkClients(Map.of("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString()),
                Map.of(), Region.US_EAST_1), TaskHandlers.unbound());
    }

    @AfterAll
    static void stop() {
        integrations.close();
        lambda.close();
    }

    private static TaskOutcome call(String resource, String params) {
        return integrations.invoke(new TaskInvocation(resource, json(params),
                "arn:aws:states:us-east-1:123456789012:execution:m:e", "S", 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void functionArn_echo_returnsBarePayload() {
        assertThat(success(call(FN + "echo", "{'a':[1,2]}"))).isEqualTo(json("{'a':[1,2]}"));
    }

    @Test
    void lambdaInvoke_echo_wrapsPayloadAsAwsDoes() {
        JsonNode out = success(call("arn:aws:states:::lambda:invoke", "{'FunctionName':'echo','Payload':{'k':'v'}}"));

        assertThat(out.path("Payload")).isEqualTo(json("{'k':'v'}"));
        assertThat(out.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(out.path("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(out.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(out.path("SdkResponseMetadata").path("RequestId").asText()).isEqualTo("req-1");
    }

    @Test
    void lambdaInvoke_stringPayload_isSentAsItIs() {
        JsonNode out = success(call("arn:aws:states:::lambda:invoke", "{'FunctionName':'" + FN + "echo','Payload':'[1]'}"));

        assertThat(out.path("Payload")).isEqualTo(json("[1]"));
    }

    @Test
    void functionArn_functionRaises_failsWithErrorTypeAndPayloadAsCause() {
        TaskOutcome.Failure f = failure(call(FN + "fail", "{}"));

        assertThat(f.error()).isEqualTo("ValueError");
        assertThat(f.cause().orElseThrow()).contains("\"errorMessage\": \"bad input\"");
    }

    @Test
    void lambdaInvoke_functionRaises_causeIsCompactJson() {
        TaskOutcome.Failure f = failure(call("arn:aws:states:::lambda:invoke", "{'FunctionName':'fail'}"));

        assertThat(f.error()).isEqualTo("ValueError");
        assertThat(f.cause().orElseThrow()).contains("\"errorMessage\":\"bad input\"");
    }

    @Test
    void functionArn_notJson_failsAsLambdaUnknown() {
        assertThat(failure(call(FN + "text", "{}")).error()).isEqualTo("Lambda.Unknown");
    }

    @Test
    void functionArn_noSuchFunction_failsWithResourceNotFound() {
        TaskOutcome.Failure f = failure(call(FN + "absent", "{}"));

        assertThat(f.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(f.cause().orElseThrow()).startsWith("Function not found: " + FN + "absent (Service: AWSLambda; "
                + "Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ");
    }
}
