package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.Operations;
import io.flowstate.asl.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The wire protocol with raw HTTP: targets, hosts, malformed bodies, and a bounded seeded fuzz run. */
class ProtocolTest extends ApiTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {}

    Answer post(String target, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Content-Type", AwsJsonProtocol.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), Json.parse(r.body()));
    }

    Answer post(String target, String body) throws Exception {
        return post(target, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void post_unknownOrMissingTarget_unknownOperationException() throws Exception {
        assertThat(post("AWSStepFunctions.Nope", "{}").body().get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(post(null, "{}").body().get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(post("Other.ListActivities", "{}").status()).isEqualTo(400);
    }

    @Test
    void post_malformedJsonOrWrongTypes_serializationException() throws Exception {
        Answer broken = post("AWSStepFunctions.ListActivities", "{");
        Answer array = post("AWSStepFunctions.ListActivities", "[]");
        Answer wrongType = post("AWSStepFunctions.DescribeActivity", "{\"activityArn\": 5}");

        assertThat(List.of(broken, array, wrongType)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().get("__type").asText()).isEqualTo("SerializationException");
        });
    }

    @Test
    void post_severalViolations_allReportedInOneValidationException() throws Exception {
        Answer a = post("AWSStepFunctions.CreateStateMachine", "{\"name\": \"\"}");
        assertThat(a.body().get("__type").asText()).isEqualTo("ValidationException");
        assertThat(a.body().get("message").asText()).startsWith("3 validation errors detected: ")
                .contains("Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1")
                .contains("Value null at 'definition' failed to satisfy constraint: Member must not be null")
                .contains("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void post_syncHostPrefix_served() throws Exception {
        // java.net.http refuses to set Host, so this one goes over a raw socket, as SDKs send it.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            String body = "{}";
            String request = "POST / HTTP/1.1\r\nHost: sync-states.us-east-1.amazonaws.com\r\n"
                    + "X-Amz-Target: AWSStepFunctions.ListActivities\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\"activities\"");
        }
    }

    /**
     * Thousands of malformed requests (seeded, so a failure replays): random targets, bytes, truncated and
     * mistyped JSON. None may be a 500; every error must carry a {@code __type} and a {@code message}.
     */
    @Test
    void post_thousandsOfMalformedRequests_neverServerErrorAlwaysTyped() throws Exception {
        List<String> ops = new ArrayList<>(Operations.names());
        ops.sort(null);
        ops.remove("GetActivityTask"); // waits a second per call when the activity exists; covered elsewhere
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                long seed = 42 + worker;
                futures.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                        String target = rnd.nextInt(20) == 0 ? "AWSStepFunctions.X" + rnd.nextInt(9)
                                : "AWSStepFunctions." + ops.get(rnd.nextInt(ops.size()));
                        byte[] body = Fuzz.body(rnd);
                        try {
                            Answer a = post(target, body);
                            if (a.status() == 500 || (a.status() != 200 && (!a.body().path("__type").isTextual()
                                    || !a.body().path("message").isTextual()))) {
                                problems.add(target + " " + new String(body, StandardCharsets.UTF_8) + " -> " + a);
                            }
                        } catch (Exception e) {
                            problems.add(target + " -> " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(problems).isEmpty();
    }
}
