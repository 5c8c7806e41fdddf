package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDriverTest {
    /** Every duration and run count multiplied by this: well under a second per workload. */
    private static final double TINY = 0.01;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void run_sharedTaskChainAtTinyScale_printsOneWellFormedLinePerMetric() throws IOException {
        Path workloads = sharedWorkloads();
        assumeTrue(Files.isRegularFile(workloads.resolve("manifest.json")), "no shared bench at " + workloads);

        int code = BenchDriver.run(workloads, List.of("task-chain"), "memory", out, TINY);

        assertThat(code).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        for (JsonNode line : lines) {
            assertWellFormed(line, "task-chain");
        }
        assertThat(lines).extracting(l -> l.get("metric").asText() + "@" + l.get("concurrency").asInt())
                .containsExactly("latency_ms_p50@1", "latency_ms_p99@1", "throughput_per_s@8", "throughput_per_s@64");
    }

    @Test
    void run_ownWorkloadMatchingExpected_measuresIt(@TempDir Path dir) throws IOException {
        writeWorkload(dir, "{\"a\":1}");

        int code = BenchDriver.run(dir, List.of(), "memory", out, TINY);

        assertThat(code).isZero();
        assertThat(lines()).hasSize(4).allSatisfy(l -> assertWellFormed(l, "succeed"));
    }

    @Test
    void run_outputDiffersFromExpected_returns1AndMeasuresNothing(@TempDir Path dir) throws IOException {
        writeWorkload(dir, "{\"a\":2}");

        int code = BenchDriver.run(dir, List.of(), "memory", out, TINY);

        assertThat(code).isEqualTo(1);
        assertThat(lines()).isEmpty();
    }

    @Test
    void run_distributedMapCsvAtTinyScale_printsItemsPerSecondAndHeapForEachMap(@TempDir Path dir) throws IOException {
        writeWorkload(dir, "{\"a\":1}");

        int code = BenchDriver.run(dir, List.of(DistributedMapBench.NAME), "memory", out, TINY);

        assertThat(code).isZero();
        List<JsonNode> lines = lines();
        // Three rounds of three measurements (the run keeping its results, the one writing them, the inline Map).
        assertThat(lines).hasSize(27).allSatisfy(l -> {
            assertThat(l.get("workload").asText()).isIn(DistributedMapBench.NAME, DistributedMapBench.WRITTEN_NAME,
                    DistributedMapBench.INLINE);
            assertThat(l.get("n").asLong()).isBetween(10_000L, 10_000L + DistributedMapBench.INLINE_ITEMS);
            assertThat(l.get("value").asDouble()).isPositive();
        });
        assertThat(lines).extracting(l -> l.get("metric").asText())
                .containsOnly("items_per_s", "peak_heap_mib", "peak_heap_after_gc_mib");
    }

    @Test
    void run_unknownStore_returns2(@TempDir Path dir) throws IOException {
        writeWorkload(dir, "{\"a\":1}");

        assertThat(BenchDriver.run(dir, List.of(), "mongodb", out, TINY)).isEqualTo(2);
        assertThat(lines()).isEmpty();
    }

    @Test
    void run_unknownWorkload_returns2(@TempDir Path dir) throws IOException {
        writeWorkload(dir, "{\"a\":1}");

        assertThat(BenchDriver.run(dir, List.of("nope"), "memory", out, TINY)).isEqualTo(2);
    }

    private static void assertWellFormed(JsonNode line, String workload) {
        assertThat(line.get("engine").asText()).isEqualTo("flowstate");
        assertThat(line.get("workload").asText()).isEqualTo(workload);
        assertThat(line.get("metric").asText()).isIn("latency_ms_p50", "latency_ms_p99", "throughput_per_s");
        assertThat(line.get("value").isNumber()).isTrue();
        assertThat(line.get("value").asDouble()).isPositive();
        assertThat(line.get("concurrency").isInt()).isTrue();
        assertThat(line.get("durable").isBoolean()).isTrue();
        assertThat(line.get("durable").asBoolean()).isFalse();
        assertThat(line.get("n").asLong()).isPositive();
        assertThat(line.get("version").asText()).isNotBlank();
        assertThat(line.get("runtime").asText()).startsWith("java ");
        assertThat(line.get("store").asText()).isEqualTo("memory");
        // the six required fields come first, in the README's order
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 6)).containsExactly("engine", "workload", "metric", "value", "concurrency", "durable");
        assertThat(Set.copyOf(names)).contains("n", "version", "runtime", "store");
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.parse(line));
            }
        }
        return lines;
    }

    /** A one-state workload "succeed" whose output is its input, with the given expected output. */
    private static void writeWorkload(Path dir, String expected) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"workloads": ["succeed"], "params": {"warmupSeconds": 10, "warmupConcurrency": 2, "latencyRuns": 200,
                 "latencyMaxSeconds": 10, "throughputSeconds": 5, "throughputConcurrency": [2, 4]}}""");
        Files.writeString(dir.resolve("succeed.asl.json"), """
                {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}""");
        Files.writeString(dir.resolve("succeed.input.json"), "{\"a\":1}");
        Files.writeString(dir.resolve("succeed.expected.json"), expected);
    }

    /** {@code flowstate.bench.dir}, else {@code ../shared/bench} from the repository root. */
    private static Path sharedWorkloads() {
        String configured = System.getProperty("flowstate.bench.dir");
        Path bench = configured != null ? Path.of(configured) : Path.of("../../shared/bench");
        return bench.resolve("workloads").toAbsolutePath().normalize();
    }
}
