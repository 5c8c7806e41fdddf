package io.flowstate.integrations.http;

import static io.flowstate.integrations.http.HttpTasks.assertFailure;
import static io.flowstate.integrations.http.HttpTasks.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.Integrations;
import io.flowstate.integrations.sdk.SdkClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

/**
 * The HTTP Task's answers and failures: status codes, content types, sockets, URL checks, and the routing
 * from {@link Integrations}.
 */
class HttpInvokeResponseTest {
    private static SdkClients clients;
    private static HttpInvoke http;
    private static RecordingServer server;

    @BeforeAll
    static void start() {
        server = new RecordingServer();
        clients = new SdkClients(Map.of(), Map.of(), Region.US_EAST_1);
        http = new HttpInvoke(clients, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        server.close();
        clients.close();
    }

    private static ObjectNode params(String method, String path) {
        return HttpTasks.params(server, method, path);
    }

    @BeforeEach
    void reset() {
        server.clear();
    }

    @ParameterizedTest
    @CsvSource({"404, Not Found", "400, Bad Request", "500, Internal Server Error", "503, Service Unavailable",
            "302, Found"})
    void invoke_statusOutside2xx_failsWithStatusCodeErrorAndStatusText(int status, String text) {
        server.answer("/e", status, "application/json", "{\"errors\":[\"dropped\"]}");

        assertFailure(http.invoke(params("GET", "/e")), "States.Http.StatusCode." + status, text);
    }

    @Test
    void invoke_textAnswer_returnsTextBody() {
        server.answer("/t", 201, "text/plain; charset=utf-8", "{\"looks\":\"like json\"}");

        JsonNode out = success(http.invoke(params("POST", "/t")));

        assertThat(out.get("ResponseBody").textValue()).isEqualTo("{\"looks\":\"like json\"}");
        assertThat(out.get("StatusText").textValue()).isEqualTo("Created");
    }

    @ParameterizedTest
    @CsvSource({"image/png", "application/octet-stream", "video/mp4", "audio/mpeg"})
    void invoke_binaryContentType_failsWithStatesRuntime(String contentType) {
        server.answer("/bin", 200, contentType, "abc");

        assertFailure(http.invoke(params("GET", "/bin")), "States.Runtime", contentType);
    }

    @Test
    void invoke_refusedConnection_failsWithHttpSocket() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ObjectNode p = Json.object().put("ApiEndpoint", "http://127.0.0.1:" + port + "/x").put("Method", "GET");

        assertFailure(http.invoke(p), "States.Http.Socket", "ConnectException");
    }

    @ParameterizedTest
    @CsvSource({"http://example.com/x", "ftp://127.0.0.1/x", "not a url", "/relative"})
    void invoke_endpointNotHttpsNorLoopbackHttp_failsWithStatesRuntime(String url) {
        ObjectNode p = Json.object().put("ApiEndpoint", url).put("Method", "GET");

        assertFailure(http.invoke(p), "States.Runtime", "ApiEndpoint");
    }

    @Test
    void invoke_missingApiEndpoint_failsWithStatesRuntime() {
        assertFailure(http.invoke(Json.object().put("Method", "GET")), "States.Runtime", "'ApiEndpoint' is required");
    }

    @Test
    void invoke_topLevelConnectionArn_failsWithStatesRuntime() {
        ObjectNode p = params("GET", "/c");
        p.put("ConnectionArn", "arn:aws:events:us-east-1:123456789012:connection/c/0");

        assertFailure(http.invoke(p), "States.Runtime", "InvocationConfig or Authentication");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void integrations_httpInvokeResource_routesToTheHttpTask() {
        server.answer("/routed", 200, "application/json", "{\"via\":\"integrations\"}");
        try (Integrations integrations = new Integrations(new SdkClients(Map.of(), Map.of(), Region.US_EAST_1),
                inv -> TaskOutcome.Failure.of("Fallback", "not routed"))) {
            TaskOutcome out = integrations.invoke(new TaskInvocation("arn:aws:states:::http:invoke",
                    params("GET", "/routed"), "arn:aws:states:us-east-1:123456789012:execution:m:e", "Call", 0,
                    Optional.empty(), Optional.empty()));

            assertThat(success(out).get("ResponseBody").get("via").textValue()).isEqualTo("integrations");
        }
    }
}
