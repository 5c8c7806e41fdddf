package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.flowstate.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code flowstate server} with OTLP export, an execution started with an X-Ray traceHeader: its Lambda call, HTTP
 * Task and nested execution all carry the trace on, each from the span of the Task that made it. Lambda and the
 * HTTP API are real HTTP servers that record the headers they got; a plain HTTP server is the OTLP collector, and
 * the span ids the headers name are found among the spans it received.
 */
class ServerTracePropagationTest {
    private static final String ROOT = "5759e988bd862e3fe1be46a994272793";
    private static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @TempDir
    Path data;

    @Test
    void traceHeader_lambdaHttpAndNestedCalls_carryTheTaskSpansContext() throws Exception {
        ByteArrayOutputStream spans = new ByteArrayOutputStream();
        CompletableFuture<Void> parentExported = new CompletableFuture<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(200, -1);
            x.close();
            synchronized (spans) {
                spans.writeBytes(body);
                if (spans.toString(StandardCharsets.ISO_8859_1).contains("Execution tracedParent")) {
                    parentExported.complete(null);
                }
            }
        });
        CompletableFuture<String> traceparent = new CompletableFuture<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api", x -> {
            traceparent.complete(x.getRequestHeaders().getFirst("traceparent"));
            byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        collector.start();
        api.start();
        try (EchoLambda lambda = new EchoLambda();
                ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString()), Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                        "OTEL_BSP_SCHEDULE_DELAY", "100", "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString()));
                SfnClient sfn = ServerRuns.client(server.port(), "tracing", Duration.ofSeconds(10))) {
            String role = "arn:aws:iam::123456789012:role/r";
            String child = sfn.createStateMachine(b -> b.name("tracedChild").roleArn(role)
                    .definition("{\"StartAt\":\"InChild\",\"States\":{\"InChild\":{\"Type\":\"Pass\",\"End\":true}}}"))
                    .stateMachineArn();
            String parent = sfn.createStateMachine(b -> b.name("tracedParent").roleArn(role).definition(("{"
                    + "'StartAt': 'CallFunction', 'States': {"
                    + "'CallFunction': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:f',"
                    + " 'ResultPath': null, 'Next': 'CallApi'},"
                    + "'CallApi': {'Type': 'Task', 'Resource': 'arn:aws:states:::http:invoke', 'Parameters': {"
                    + "'ApiEndpoint': 'http://127.0.0.1:" + api.getAddress().getPort() + "/api', 'Method': 'GET'},"
                    + " 'ResultPath': null, 'Next': 'StartChild'},"
                    + "'StartChild': {'Type': 'Task', 'Resource': 'arn:aws:states:::states:startExecution.sync:2',"
                    + " 'Parameters': {'StateMachineArn': '" + child + "'}, 'End': true}}}").replace('\'', '"')))
                    .stateMachineArn();

            String run = sfn.startExecution(b -> b.stateMachineArn(parent).traceHeader(HEADER)).executionArn();
            DescribeExecutionResponse done = await(sfn, run);
            parentExported.get(20, TimeUnit.SECONDS);

            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.traceHeader()).isEqualTo(HEADER);
            String exported;
            synchronized (spans) {
                exported = HexFormat.of().formatHex(spans.toByteArray());
            }
            assertThat(exported).contains(ROOT);
            String xray = lambda.calls.getFirst().header("X-Amzn-Trace-Id");
            assertThat(xray).matches("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16};Sampled=1");
            String lambdaSpan = xray.substring(xray.indexOf("Parent=") + 7, xray.indexOf(";Sampled"));
            String http = traceparent.get(5, TimeUnit.SECONDS);
            assertThat(http).matches("00-" + ROOT + "-[0-9a-f]{16}-01");
            String httpSpan = http.substring(36, 52);
            String childArn = Json.parse(done.output()).path("ExecutionArn").asText();
            String childHeader = sfn.describeExecution(b -> b.executionArn(childArn)).traceHeader();
            assertThat(childHeader).matches("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16};Sampled=1");
            String nestedSpan = childHeader.substring(childHeader.indexOf("Parent=") + 7, childHeader.indexOf(";Sampled"));
            // Three calls, three Task spans, each exported (the span ids are in the OTLP payload as raw bytes).
            assertThat(List.of(lambdaSpan, httpSpan, nestedSpan)).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(exported).contains(id));
            assertThat(spans.toString(StandardCharsets.ISO_8859_1)).contains("Execution tracedChild");
        } finally {
            collector.stop(0);
            api.stop(0);
        }
    }

    /** The execution once it ended, polled with DescribeExecution (at most 30 s). */
    private static DescribeExecutionResponse await(SfnClient sfn, String arn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
        while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20); // a child process: no completion to wait on but the API
            d = sfn.describeExecution(b -> b.executionArn(arn));
        }
        return d;
    }
}
