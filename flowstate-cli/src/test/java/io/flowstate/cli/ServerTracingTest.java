package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code flowstate server} with {@code OTEL_EXPORTER_OTLP_ENDPOINT} exports its spans over OTLP/HTTP: a plain HTTP
 * server stands in for the collector and receives {@code POST /v1/traces} with the execution's and states' spans.
 */
class ServerTracingTest {
    @TempDir
    Path data;

    @Test
    void otlpEndpoint_execution_postsItsSpansToTheCollector() throws Exception {
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            if ("application/x-protobuf".equals(type) && body.toString(StandardCharsets.ISO_8859_1).contains("Greet")) {
                received.complete(body.toByteArray());
            }
        });
        collector.start();
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString()), Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "OTEL_BSP_SCHEDULE_DELAY", "100"));
                SfnClient sfn = ServerRuns.client(server.port(), "tracing", Duration.ofSeconds(10))) {
            String sm = sfn.createStateMachine(b -> b.name("traced").roleArn("arn:aws:iam::123456789012:role/r")
                    .definition("{\"StartAt\":\"Greet\",\"States\":{\"Greet\":{\"Type\":\"Pass\",\"End\":true}}}"))
                    .stateMachineArn();
            sfn.startExecution(b -> b.stateMachineArn(sm));

            String spans = new String(received.get(20, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);

            assertThat(spans).contains("Execution traced").contains("Greet").contains("flowstate")
                    .contains("aws.step_functions.execution_arn");
        } finally {
            collector.stop(0);
        }
    }
}
