package io.flowstate.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code apigateway:invoke} against a real HTTP server standing in for an API Gateway stage. */
class ApiGatewayInvokeTest {
    private static RecordingServer server;
    private static String endpoint;

    @BeforeAll
    static void start() {
        server = new RecordingServer();
        endpoint = server.url("").replaceFirst("^http://", "").replaceAll("/+$", "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void invoke_postWithQueryAndBody_callsStagePathAndWrapsTheReply() {
        server.answer("/prod/orders", 200, "application/json", "{\"ok\":true}");

        TaskOutcome out = new ApiGatewayInvoke().invoke(json("{'ApiEndpoint':'" + endpoint + "','Method':'POST',"
                + "'Stage':'prod','Path':'orders','QueryParameters':{'q':['a b']},'Headers':{'X-Trace':['t1']},"
                + "'RequestBody':{'id':7}}"));

        JsonNode result = ((TaskOutcome.Success) out).output();
        assertThat(result.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.path("StatusText").asText()).isEqualTo("OK");
        assertThat(result.path("ResponseBody")).isEqualTo(json("{'ok':true}"));
        assertThat(result.path("Headers").isObject()).isTrue();
        RecordingServer.Request seen = server.only("/prod/orders");
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.rawQuery()).isEqualTo("q=a+b");
        assertThat(seen.header("X-Trace")).isEqualTo("t1");
        assertThat(seen.body()).isEqualTo("{\"id\":7}");
    }

    @Test
    void invoke_errorStatus_failsWithApiGatewayStatusAndBodyAsCause() {
        server.answer("/prod/missing", 403, "application/json", "{\"message\":\"Missing Authentication Token\"}");

        TaskOutcome.Failure f = (TaskOutcome.Failure) new ApiGatewayInvoke().invoke(json("{'ApiEndpoint':'" + endpoint
                + "','Method':'GET','Stage':'prod','Path':'missing'}"));

        assertThat(f.error()).isEqualTo("ApiGateway.403");
        assertThat(f.cause()).contains("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void invoke_unknownMethod_failsAsRuntime() {
        TaskOutcome.Failure f = (TaskOutcome.Failure) new ApiGatewayInvoke().invoke(json("{'ApiEndpoint':'" + endpoint
                + "','Method':'FETCH'}"));

        assertThat(f.error()).isEqualTo("States.Runtime");
    }
}
