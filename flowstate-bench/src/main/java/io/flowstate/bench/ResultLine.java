package io.flowstate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One measurement line of the shared output format (bench README, "Output format"), for Flowstate in memory:
 * {@code engine, workload, metric, value, concurrency, durable} (required, in that order), then {@code n,
 * version, runtime, store}. Throughput is rounded to 0.1 and latency to 0.001 ms, as the peers print them.
 */
public record ResultLine(String engine, String workload, String metric, double value, int concurrency, long n,
        String store, boolean durable) {
    /** The engine name in every line. */
    public static final String ENGINE = "flowstate";
    /** Executions live in memory only. */
    public static final String STORE = "memory";

    public ResultLine {
        requireNonNull(engine, "engine is null");
        requireNonNull(workload, "workload is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(store, "store is null");
    }

    /** A line for the in-memory runner. */
    public ResultLine(String workload, String metric, double value, int concurrency, long n) {
        this(ENGINE, workload, metric, value, concurrency, n, STORE, false);
    }

    /** A line for the engine on a store ({@code durable} when every decision is persisted). */
    public ResultLine(String workload, String metric, double value, int concurrency, long n, String store,
            boolean durable) {
        this(ENGINE, workload, metric, value, concurrency, n, store, durable);
    }

    /** The line as compact JSON (no newline). */
    public String toJson() {
        int digits = metric.startsWith("throughput") ? 1 : 3;
        ObjectNode line = Json.object();
        line.put("engine", engine);
        line.put("workload", workload);
        line.put("metric", metric);
        line.put("value", BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue());
        line.put("concurrency", concurrency);
        line.put("durable", durable);
        line.put("n", n);
        line.put("version", BenchVersion.VERSION);
        line.put("runtime", "java " + Runtime.version());
        line.put("store", store);
        return Json.write(line);
    }
}
