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
import io.flowstate.bench.TimedLoop;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The API's own overhead: pass-chain through the Step Functions API over HTTP on loopback, with the server in
 * this JVM. {@code start-sync}: StartSyncExecution of an EXPRESS machine (the request returns the output).
 * {@code standard}: StartExecution of a STANDARD machine, then DescribeExecution until SUCCEEDED. Every response
 * is checked. Same procedure and line format as the in-process driver, with {@code "engine":"flowstate-api"},
 * plus p50/p99 under each throughput concurrency and the CPU time per execution of the process (client and server)
 * and of the benchmark threads ({@code cpu_us_per_execution}, {@code client_cpu_us_per_execution}: on a shared machine
 * these move far less than latency does; the JDK client also works on threads of its own). Each workload runs with two clients, named after a slash in
 * the workload: {@code raw-client} (one keep-alive socket per thread, as wrk would) and {@code jdk-client}
 * (the JDK's {@code java.net.http} client); both send the requests the AWS SDK sends (no signing: the server
 * accepts any). Arguments: {@code [--workloads-dir DIR] [--client raw|jdk|both]}.
 */
public final class ApiBench {
    private static final String ENGINE = "flowstate-api";

    private final Supplier<ApiClient> clients;
    private final List<ApiClient> open = new ArrayList<>();
    /** Standard execution names, unique across client kinds (the machine is shared). */
    private final AtomicLong names;

    private ApiBench(Supplier<ApiClient> clients, AtomicLong names) {
        this.clients = clients;
        this.names = names;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("../shared/bench/workloads");
        String client = "both";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--workloads-dir" -> dir = Path.of(args[i + 1]);
                case "--client" -> client = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String scaleText = System.getenv("BENCH_SCALE");
        double scale = scaleText == null || scaleText.isBlank() ? 1 : Double.parseDouble(scaleText);
        List<String> kinds = switch (client) {
            case "both" -> List.of("raw", "jdk");
            case "raw", "jdk" -> List.of(client);
            default -> throw new IllegalArgumentException("--client must be raw, jdk or both: " + client);
        };
        System.exit(run(dir, scale, kinds, System.out));
    }

    /** Runs both measurements with each client kind ({@code raw}, {@code jdk}); 0 when every execution succeeded. */
    public static int run(Path workloadsDir, double scale, List<String> clientKinds, PrintStream out) throws Exception {
        BenchParams p = Manifest.read(workloadsDir, scale).params();
        String definition = Files.readString(workloadsDir.resolve("pass-chain.asl.json"));
        String input = Files.readString(workloadsDir.resolve("pass-chain.input.json"));
        JsonNode expected = Json.parse(Files.readString(workloadsDir.resolve("pass-chain.expected.json")));
        try (SystemTimers timers = new SystemTimers();
                StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                        TaskHandlers.unbound(), timers, Duration.ofSeconds(60));
                ApiServer server = ApiServer.start(service, "127.0.0.1", 0)) {
            URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/");
            JdkApiClient jdk = JdkApiClient.create(endpoint);
            String express;
            String standard;
            try (ApiClient setUp = RawApiClient.connect("127.0.0.1", server.port())) {
                express = createMachine(setUp, "bench-express", definition, "EXPRESS");
                standard = createMachine(setUp, "bench-standard", definition, "STANDARD");
            }
            AtomicLong names = new AtomicLong();
            for (String kind : clientKinds) {
                ApiBench bench = new ApiBench(kind.equals("jdk") ? () -> jdk
                        : () -> RawApiClient.connect("127.0.0.1", server.port()), names);
                String suffix = "/" + kind + "-client";
                bench.measure("pass-chain-start-sync" + suffix, c -> () -> bench.startSync(c, express, input, expected), p, out);
                bench.measure("pass-chain-standard" + suffix, c -> () -> bench.startStandard(c, standard, input, expected), p, out);
            }
            jdk.http().close();
        }
        return 0;
    }

    /** A worker's execution body over its own client. */
    private interface Workload {
        ExecutionBody over(ApiClient client);
    }

    private ExecutionBody worker(Workload w) {
        ApiClient c = clients.get();
        open.add(c);
        return w.over(c);
    }

    private void measure(String workload, Workload w, BenchParams p, PrintStream out) throws Exception {
        try {
            worker(w).runOnce();
            System.err.printf("bench: %s: warm-up %.1f s%n", workload, p.warmupSeconds());
            ClosedLoop.run(() -> worker(w), p.warmupConcurrency(), p.warmupSeconds());
            Latencies l = Latencies.measure(worker(w), p.latencyRuns(), p.latencyMaxSeconds());
            out.println(line(workload, "latency_ms_p50", l.percentile(50), 1, l.count()));
            out.println(line(workload, "latency_ms_p99", l.percentile(99), 1, l.count()));
            for (int c : p.throughputConcurrency()) {
                TimedLoop r = TimedLoop.run(() -> worker(w), c, p.throughputSeconds());
                out.println(line(workload, "throughput_per_s", r.result().perSecond(), c, r.result().completed()));
                out.println(line(workload, "latency_ms_p50", r.latencies().percentile(50), c, r.latencies().count()));
                out.println(line(workload, "latency_ms_p99", r.latencies().percentile(99), c, r.latencies().count()));
                out.println(line(workload, "cpu_us_per_execution", r.processCpuMicrosPerExecution(), c, r.result().completed()));
                out.println(line(workload, "client_cpu_us_per_execution", r.workerCpuMicrosPerExecution(), c,
                        r.result().completed()));
            }
            out.flush();
        } finally {
            for (ApiClient c : open) {
                c.close();
            }
            open.clear();
        }
    }

    private static String createMachine(ApiClient client, String name, String definition, String type) throws Exception {
        ObjectNode req = Json.object();
        req.put("name", name);
        req.put("definition", definition);
        req.put("roleArn", "arn:aws:iam::123456789012:role/bench");
        req.put("type", type);
        return client.call("CreateStateMachine", req).get("stateMachineArn").asText();
    }

    private void startSync(ApiClient client, String machine, String input, JsonNode expected) throws Exception {
        ObjectNode req = Json.object();
        req.put("stateMachineArn", machine);
        req.put("input", input);
        JsonNode res = client.call("StartSyncExecution", req);
        if (!"SUCCEEDED".equals(res.path("status").asText()) || !Json.parse(res.path("output").asText()).equals(expected)) {
            throw new IllegalStateException("unexpected StartSyncExecution result: " + res);
        }
    }

    private void startStandard(ApiClient client, String machine, String input, JsonNode expected) throws Exception {
        ObjectNode req = Json.object();
        req.put("stateMachineArn", machine);
        req.put("name", "e" + names.incrementAndGet());
        req.put("input", input);
        String arn = client.call("StartExecution", req).get("executionArn").asText();
        ObjectNode describe = Json.object();
        describe.put("executionArn", arn);
        while (true) {
            JsonNode d = client.call("DescribeExecution", describe);
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

    private static String line(String workload, String metric, double value, int concurrency, long n) {
        return new ResultLine(ENGINE, workload, metric, value, concurrency, n, "memory", false).toJson();
    }
}
