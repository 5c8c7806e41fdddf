package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer under the protocol ({@link ApiHandler}, {@link RequestBody}), over raw sockets so that framing
 * is under the test's control: what is not {@code POST /}, bodies too large or sent in chunks, keep-alive,
 * and the headers every answer carries.
 */
class HttpLayerTest extends ApiTestBase {
    record Raw(String head, JsonNode body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private Raw exchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return read(socket.getInputStream());
        }
    }

    /** Reads one response with a Content-Length (the server always sends one). */
    private static Raw read(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response ended inside its head").isNotNegative();
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(h.replaceAll("(?is).*\r\ncontent-length: *(\\d+).*", "$1"));
        return new Raw(h, Json.mapper().readTree(in.readNBytes(length)));
    }

    private static String post(String target, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST / HTTP/1.1\r\nHost: states.us-east-1.amazonaws.com\r\nX-Amz-Target: " + target
                + "\r\nContent-Type: application/x-amz-json-1.0\r\n" + String.join("", extraHeaders)
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    @Test
    void get_anyPath_notFoundInTheProtocolsErrorShape() throws Exception {
        Raw r = exchange("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(r.body().path("message").isTextual()).isTrue();
    }

    @Test
    void post_declaredBodyOverTheLimit_413BeforeReadingIt() throws Exception {
        Raw r = exchange("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSStepFunctions.ListActivities\r\n"
                + "Content-Length: " + (ApiServer.MAX_BODY + 1) + "\r\n\r\n{}");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().path("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void post_chunkedBody_readWhole() throws Exception {
        String body = "{\"name\":\"chunked-" + unique("a") + "\"}";
        String request = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(5) + "\r\n" + body.substring(0, 5) + "\r\n"
                + Integer.toHexString(body.length() - 5) + "\r\n" + body.substring(5) + "\r\n0\r\n\r\n";

        Raw r = exchange(request);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("activityArn").asText()).contains(":activity:chunked-");
    }

    @Test
    void post_keepAlive_severalRequestsOnOneConnectionEachWithRequestIdAndLength() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(post("AWSStepFunctions.ListActivities", "{}").getBytes(StandardCharsets.UTF_8));
                Raw r = read(socket.getInputStream());

                assertThat(r.status()).isEqualTo(200);
                assertThat(r.head()).containsIgnoringCase("\r\nx-amzn-RequestId: ")
                        .containsIgnoringCase("\r\nContent-Type: application/x-amz-json-1.0\r\n")
                        .doesNotContainIgnoringCase("\r\nServer:");
                assertThat(r.body().has("activities")).isTrue();
            }
        }
    }

    @Test
    void post_nonAsciiInput_comesBackAsTheSameUtf8() throws Exception {
        String arn = createMachine(unique("utf8"), PASS.replace("\"Result\":{\"ok\":true},", ""));
        String input = "{\"text\":\"h\u00e9llo \u65e5\u672c \ud83d\ude00\"}";
        String body = "{\"stateMachineArn\":\"" + arn + "\",\"input\":" + Json.write(Json.nodes().textNode(input)) + "}";

        Raw started = exchange(post("AWSStepFunctions.StartExecution", body, "Connection: close\r\n"));
        String executionArn = started.body().path("executionArn").asText();
        Raw described = exchange(post("AWSStepFunctions.DescribeExecution",
                "{\"executionArn\":\"" + executionArn + "\"}", "Connection: close\r\n"));

        assertThat(described.body().path("input").asText()).isEqualTo(input);
    }

    @Test
    void post_invalidUtf8_serializationException() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'};
            String head = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            Raw r = read(socket.getInputStream());

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().path("__type").asText()).isEqualTo("SerializationException");
            assertThat(r.body().path("message").asText()).isEqualTo("The request body is not valid UTF-8");
        }
    }
}
