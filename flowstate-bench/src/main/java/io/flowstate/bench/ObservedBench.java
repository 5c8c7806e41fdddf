package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.HistoryListener;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.integrations.logs.DirectoryLogSink;
import io.flowstate.integrations.logs.ExecutionLogging;
import io.flowstate.metrics.FlowstateMetrics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code pass-chain-observed}: what execution logging at level ALL (AWS's default {@code includeExecutionData}
 * false, to a {@code --logs-dir} file) and the Prometheus metrics cost. pass-chain runs on two engines on the
 * bench's store (memory, or SQLite with {@code --store sqlite}), one with both listeners and one without, in
 * interleaved rounds at the first concurrency of the manifest; each round prints both throughputs ({@code store}
 * {@code engine-<store>} and {@code engine-<store>+logs+metrics}) and their ratio on stderr.
 */
public final class ObservedBench {
    /** The name to ask for with {@code --only}. */
    public static final String NAME = "pass-chain-observed";
    private static final String WORKLOAD = "pass-chain";

    private ObservedBench() {}

    public static void run(Path workloadsDir, BenchParams p, int rounds, String store, PrintStream out) throws Exception {
        Workload workload = Workload.load(workloadsDir, WORKLOAD);
        int c = p.throughputConcurrency().get(0);
        Path logs = Files.createTempDirectory("flowstate-bench-logs-");
        JsonNode logging = Json.parse("{\"level\":\"ALL\",\"includeExecutionData\":false,\"destinations\":[{"
                + "\"cloudWatchLogsLogGroup\":{\"logGroupArn\":\"arn:aws:logs:us-east-1:123456789012:log-group:bench:*\"}}]}");
        boolean sqlite = store.equals(BenchDriver.SQLITE);
        String label = sqlite ? "engine-sqlite" : "engine-memory";
        io.flowstate.engine.runtime.ExecutionStore bareStore = sqlite
                ? io.flowstate.store.jdbc.JdbcStores.sqlite(logs.resolve("bare.db")) : new InMemoryExecutionStore();
        io.flowstate.engine.runtime.ExecutionStore seenStore = sqlite
                ? io.flowstate.store.jdbc.JdbcStores.sqlite(logs.resolve("seen.db")) : new InMemoryExecutionStore();
        try (Engine plain = new Engine(bareStore, new InMemoryExecutionStore(), new BenchIdentity(), new SystemTimers());
                Engine observed = new Engine(seenStore, new InMemoryExecutionStore(), new BenchIdentity(), new SystemTimers());
                FlowstateMetrics metrics = new FlowstateMetrics();
                DirectoryLogSink sink = new DirectoryLogSink(logs)) {
            observed.historyListener(HistoryListener.all(List.of(
                    new ExecutionLogging(arn -> Optional.of(logging), sink), metrics.listener())));
            WorkloadExecutions bare = new WorkloadExecutions(workload, Optional.of(plain));
            WorkloadExecutions seen = new WorkloadExecutions(workload, Optional.of(observed));
            bare.newWorker().runAndCheck();
            seen.newWorker().runAndCheck();
            System.err.printf("bench: %s: warm-up %.1f s each%n", NAME, p.warmupSeconds());
            ClosedLoop.run(() -> bare.newWorker()::run, c, p.warmupSeconds());
            ClosedLoop.run(() -> seen.newWorker()::run, c, p.warmupSeconds());
            for (int r = 0; r < rounds; r++) {
                ClosedLoop.Result off = ClosedLoop.run(() -> bare.newWorker()::run, c, p.throughputSeconds());
                ClosedLoop.Result on = ClosedLoop.run(() -> seen.newWorker()::run, c, p.throughputSeconds());
                sink.flush();
                out.println(new ResultLine(WORKLOAD, "throughput_per_s", off.perSecond(), c, off.completed(),
                        label, sqlite).toJson());
                out.println(new ResultLine(WORKLOAD, "throughput_per_s", on.perSecond(), c, on.completed(),
                        label + "+logs+metrics", sqlite).toJson());
                // A writer slower than the executions drops past its backlog: say so, the ratio is not for free then.
                System.err.printf("bench: %s round %d: plain %.1f/s, logs ALL + metrics %.1f/s, ratio %.2f"
                        + " (log lines dropped so far: %d)%n", NAME, r + 1, off.perSecond(), on.perSecond(),
                        on.perSecond() / off.perSecond(), sink.dropped());
                // Ended executions stay in the memory stores: drop them between rounds to bound the heap.
                plain.deleteClosedBefore(Instant.now(), Integer.MAX_VALUE);
                observed.deleteClosedBefore(Instant.now(), Integer.MAX_VALUE);
            }
        } finally {
            for (var st : List.of(bareStore, seenStore)) {
                if (st instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            try (var files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(logs);
        }
    }
}
