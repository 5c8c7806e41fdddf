package io.flowstate.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import io.flowstate.bench.BenchParams;
import io.flowstate.bench.ClosedLoop;
import io.flowstate.bench.ExecutionBody;
import io.flowstate.bench.Latencies;
import io.flowstate.bench.Manifest;
import io.flowstate.bench.ResultLine;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's own overhead: pass-chain through the Step Functions API over HTTP on loopback, with the server in
 * this JVM. {@code start-sync}: StartSyncExecution of an EXPRESS machine (the request returns the output).
 * {@code standard}: StartExecution of a STANDARD machine, then DescribeExecution until SUCCEEDED. Same
 * procedure and line format as the in-process driver, with {@code "engine":"flowstate-api"}; the client is the
 * JDK's HTTP client sending the AWS JSON 1.0 requests an SDK sends (no signing: the server accepts any).
 */
public final class ApiBench {
    private static final String ENGINE = "flowstate-api";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final AtomicLong names = new AtomicLong();

    private ApiBench(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 1 && args[0].equals("--workloads-dir") ? args[1] : "../shared/bench/workloads");
        String scaleText = System.getenv("BENCH_SCALE");
        double scale = scaleText == null || scaleText.isBlank() ? 1 : Double.parseDouble(scaleText);
        System.exit(run(dir, scale, System.out));
    }

    /** Runs both measurements; 0 when every execution succeeded with the expected output. */
    public static int run(Path workloadsDir, double scale, PrintStream out) throws Exception {
        BenchParams p = Manifest.read(workloadsDir, scale).params();
        String definition = Files.readString(workloadsDir.resolve("pass-chain.asl.json"));
        String input = Files.readString(workloadsDir.resolve("pass-chain.input.json"));
        JsonNode expected = Json.parse(Files.readString(workloadsDir.resolve("pass-chain.expected.json")));
        try (SystemTimers timers = new SystemTimers();
                StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                        TaskHandlers.unbound(), timers, Duration.ofSeconds(60));
                ApiServer server = ApiServer.start(service, "127.0.0.1", 0)) {
            ApiBench bench = new ApiBench(URI.create("http://127.0.0.1:" + server.port() + "/"));
            String express = bench.createMachine("bench-express", definition, "EXPRESS");
            String standard = bench.createMachine("bench-standard", definition, "STANDARD");
            ExecutionBody sync = () -> bench.startSync(express, input, expected);
            ExecutionBody std = () -> bench.startStandard(standard, input, expected);
            measure("pass-chain-start-sync", sync, p, out);
            measure("pass-chain-standard", std, p, out);
        }
        return 0;
    }

    private static void measure(String workload, ExecutionBody body, BenchParams p, PrintStream out) throws Exception {
        body.runOnce();
        System.err.printf("bench: %s: warm-up %.1f s%n", workload, p.warmupSeconds());
        ClosedLoop.run(() -> body, p.warmupConcurrency(), p.warmupSeconds());
        Latencies l = Latencies.measure(body, p.latencyRuns(), p.latencyMaxSeconds());
        out.println(line(workload, "latency_ms_p50", l.percentile(50), 1, l.count()));
        out.println(line(workload, "latency_ms_p99", l.percentile(99), 1, l.count()));
        for (int c : p.throughputConcurrency()) {
            ClosedLoop.Result r = ClosedLoop.run(() -> body, c, p.throughputSeconds());
            out.println(line(workload, "throughput_per_s", r.perSecond(), c, r.completed()));
        }
        out.flush();
    }

    private String createMachine(String name, String definition, String type) throws Exception {
        ObjectNode req = Json.object();
        req.put("name", name);
        req.put("definition", definition);
        req.put("roleArn", "arn:aws:iam::123456789012:role/bench");
        req.put("type", type);
        return call("CreateStateMachine", req).get("stateMachineArn").asText();
    }

    private void startSync(String machine, String input, JsonNode expected) throws Exception {
        ObjectNode req = Json.object();
        req.put("stateMachineArn", machine);
        req.put("input", input);
        JsonNode res = call("StartSyncExecution", req);
        if (!"SUCCEEDED".equals(res.path("status").asText()) || !Json.parse(res.path("output").asText()).equals(expected)) {
            throw new IllegalStateException("unexpected StartSyncExecution result: " + res);
        }
    }

    private void startStandard(String machine, String input, JsonNode expected) throws Exception {
        ObjectNode req = Json.object();
        req.put("stateMachineArn", machine);
        req.put("name", "e" + names.incrementAndGet());
        req.put("input", input);
        String arn = call("StartExecution", req).get("executionArn").asText();
        ObjectNode describe = Json.object();
        describe.put("executionArn", arn);
        while (true) {
            JsonNode d = call("DescribeExecution", describe);
            String status = d.path("status").asText();
            if (status.equals("SUCCEEDED")) {
                if (!Json.parse(d.path("output").asText()).equals(expected)) {
                    throw new IllegalStateException("unexpected output: " + d);
                }
                return;
            }
            if (!status.equals("RUNNING")) {
                throw new IllegalStateException("execution ended " + status + ": " + d);
            }
            Thread.onSpinWait();
        }
    }

    private JsonNode call(String operation, ObjectNode body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(operation + " answered " + res.statusCode() + ": " + res.body());
        }
        return Json.parse(res.body());
    }

    private static String line(String workload, String metric, double value, int concurrency, long n) {
        return new ResultLine(ENGINE, workload, metric, value, concurrency, n, "memory", false).toJson();
    }
}
