package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.store.jdbc.Durability;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The end-to-end benchmark of Flowstate on the shared workloads ({@code ../shared/bench}, see its README): for
 * each workload, parse once, check one execution's output against {@code NAME.expected.json}, warm up, measure
 * sequential latency (nearest-rank p50 and p99) and closed-loop throughput at each concurrency of the manifest,
 * then check the output (and that the shared input was not modified) again. Prints one JSON line per
 * measurement, in the peers' format, with {@code "engine":"flowstate"}.
 *
 * <p>Executions run on the in-process {@code LocalRunner}, in memory ({@code "durable":false},
 * {@code "store":"memory"}); the task function {@code bench-identity} is {@link BenchIdentity}.
 *
 * <p>Exit codes: 0 all measured; 1 a definition did not parse, an execution failed or an output differed
 * (nothing more is measured); 2 bad usage (unknown store or workload, unreadable manifest, bad
 * {@code BENCH_SCALE}). Messages and progress go to standard error, so standard output holds only the lines.
 */
public final class BenchDriver {
    /** In-process runner, nothing persisted. */
    public static final String MEMORY = "memory";
    /** The engine on SQLite in a temporary directory (WAL, synchronous=FULL): every decision durable. */
    public static final String SQLITE = "sqlite";
    /** The engine on PostgreSQL at {@code FLOWSTATE_BENCH_PG_URL} (user/password from FLOWSTATE_STORE_USER/PASSWORD). */
    public static final String POSTGRES = "postgres";

    /** fsync samples measured before each durable SQLite run. */
    private static final int FSYNC_SAMPLES = 300;

    private BenchDriver() {}

    /**
     * Runs the benchmark as {@code flowstate bench} does. {@code only} selects workloads (empty: the
     * {@code BENCH_WORKLOADS} environment variable if set, else all of the manifest); {@code BENCH_SCALE}
     * multiplies every duration and run count (default 1; smaller values give figures that are not comparable).
     *
     * @return the exit code (0, 1 or 2, see the class comment)
     */
    public static int run(Path workloadsDir, List<String> only, String store, PrintStream out) {
        return run(workloadsDir, only, store, Durability.POWER, out);
    }

    /**
     * As {@link #run(Path, List, String, PrintStream)} with a durable store's {@code durability}; a
     * {@link Durability#PROCESS} run's lines name their store {@code sqlite/process} or {@code postgres/process}.
     */
    public static int run(Path workloadsDir, List<String> only, String store, Durability durability, PrintStream out) {
        double scale;
        String scaleText = System.getenv("BENCH_SCALE");
        try {
            scale = scaleText == null || scaleText.isBlank() ? 1 : Double.parseDouble(scaleText.trim());
        } catch (NumberFormatException e) {
            System.err.println("bench: BENCH_SCALE must be a number, got '" + scaleText + "'");
            return 2;
        }
        List<String> selection = only;
        String envWorkloads = System.getenv("BENCH_WORKLOADS");
        if (selection.isEmpty() && envWorkloads != null && !envWorkloads.isBlank()) {
            selection = splitList(envWorkloads);
        }
        return run(workloadsDir, selection, store, durability, out, scale);
    }

    /**
     * Runs the benchmark with an explicit {@code scale} instead of {@code BENCH_SCALE}, ignoring the environment
     * ({@code only} empty: every workload of the manifest). For tests and embedding.
     *
     * @return the exit code (0, 1 or 2, see the class comment)
     */
    public static int run(Path workloadsDir, List<String> only, String store, PrintStream out, double scale) {
        return run(workloadsDir, only, store, Durability.POWER, out, scale);
    }

    private static int run(Path workloadsDir, List<String> only, String store, Durability durability, PrintStream out,
            double scale) {
        if (!List.of(MEMORY, SQLITE, POSTGRES).contains(store)) {
            System.err.println("bench: unknown store '" + store + "': use memory, sqlite or postgres");
            return 2;
        }
        if (store.equals(POSTGRES) && System.getenv("FLOWSTATE_BENCH_PG_URL") == null) {
            System.err.println("bench: --store postgres needs FLOWSTATE_BENCH_PG_URL (jdbc:postgresql://...)");
            return 2;
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            System.err.println("bench: the scale must be a positive number, got " + scale);
            return 2;
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(workloadsDir, scale);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bench: cannot read " + workloadsDir.resolve("manifest.json") + ": " + e.getMessage());
            return 2;
        }
        List<String> unknown = only.stream().filter(w -> !manifest.workloads().contains(w) && !JsonataTwins.isTwin(w)
                && !w.equals(io.flowstate.bench.lambda.LambdaChainBench.NAME) && !w.equals(ObservedBench.NAME)
                && !w.equals(DistributedMapBench.NAME)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("bench: unknown workload(s) " + unknown + "; the manifest lists " + manifest.workloads());
            return 2;
        }
        if (only.contains(io.flowstate.bench.lambda.LambdaChainBench.NAME)) {
            // Not a shared workload: Flowstate against the raw SDK calls it makes, at the first concurrency.
            BenchParams p = manifest.params();
            try {
                io.flowstate.bench.lambda.LambdaChainBench.run(p.throughputConcurrency().get(0), p.throughputSeconds(), 3,
                        p.warmupSeconds(), out);
            } catch (Exception e) {
                System.err.println("bench: " + io.flowstate.bench.lambda.LambdaChainBench.NAME + " failed: " + e);
                return 1;
            }
        }
        if (only.contains(ObservedBench.NAME)) {
            try {
                ObservedBench.run(workloadsDir, manifest.params(), 3, store, out);
            } catch (Exception e) {
                System.err.println("bench: " + ObservedBench.NAME + " failed: " + e);
                return 1;
            }
        }
        if (only.contains(DistributedMapBench.NAME)) {
            // Not a shared workload: 1,000,000 CSV rows through a Distributed Map beside an inline Map, 3 rounds.
            try {
                DistributedMapBench.run((int) Math.max(1, Math.round(DistributedMapBench.ROWS * Math.min(scale, 1))), 3,
                        out);
            } catch (Exception e) {
                System.err.println("bench: " + DistributedMapBench.NAME + " failed: " + e);
                return 1;
            }
        }
        List<String> names = new java.util.ArrayList<>(manifest.workloads());
        names.addAll(JsonataTwins.NAMES);
        for (String name : names) {
            boolean wanted = only.isEmpty() ? !JsonataTwins.isTwin(name) : only.contains(name);
            if (!wanted) {
                continue;
            }
            try {
                benchWorkload(workloadsDir, name, manifest.params(), out, store, durability);
            } catch (BenchFailure e) {
                System.err.println("bench: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.err.println("bench: interrupted during " + name);
                return 1;
            } catch (Exception e) {
                System.err.println("bench: " + name + " failed: " + e);
                return 1;
            }
        }
        return 0;
    }

    private static void benchWorkload(Path dir, String name, BenchParams p, PrintStream out, String store,
            Durability durability) throws Exception {
        if (store.equals(MEMORY)) {
            benchWorkload(dir, name, p, out, store, java.util.Optional.empty());
            return;
        }
        Path data = java.nio.file.Files.createTempDirectory("flowstate-bench-");
        String label = durability == Durability.POWER ? store : store + "/" + durability.label();
        if (store.equals(SQLITE)) {
            // The disk under the run, measured right before it: the reader can tell the disk from the engine.
            FsyncProbe disk = FsyncProbe.measure(data, FSYNC_SAMPLES);
            System.err.printf("bench: %s: fsync of 16 KiB p50 %.0f us, p99 %.0f us%n", name, disk.p50Micros(),
                    disk.p99Micros());
            emit(out, new ResultLine(name, "fsync_us_p50", disk.p50Micros(), 1, disk.samples(), label, true));
            emit(out, new ResultLine(name, "fsync_us_p99", disk.p99Micros(), 1, disk.samples(), label, true));
        }
        io.flowstate.store.jdbc.JdbcDatabase db = store.equals(SQLITE)
                ? io.flowstate.store.jdbc.JdbcStores.sqliteDatabase(data.resolve("bench.db"), durability)
                : io.flowstate.store.jdbc.JdbcStores.postgresDatabase(System.getenv("FLOWSTATE_BENCH_PG_URL"),
                        System.getenv("FLOWSTATE_STORE_USER"), System.getenv("FLOWSTATE_STORE_PASSWORD"), durability);
        io.flowstate.engine.runtime.ExecutionStore durable = db.executions();
        try (io.flowstate.engine.runtime.Engine engine = new io.flowstate.engine.runtime.Engine(durable,
                new io.flowstate.engine.runtime.InMemoryExecutionStore(), new BenchIdentity(),
                new io.flowstate.engine.runtime.SystemTimers())) {
            benchWorkload(dir, name, p, out, label, java.util.Optional.of(engine));
            io.flowstate.store.jdbc.CommitStats commits = db.commitStats();
            if (commits.groups() > 0) {
                // Over the whole workload (warm-up included): how many writes shared an fsync, and how long one took.
                emit(out, new ResultLine(name, "commit_group_size_mean", (double) commits.writes() / commits.groups(),
                        0, commits.groups(), label, true));
                emit(out, new ResultLine(name, "commit_ms_mean", commits.commitSeconds() * 1000 / commits.groups(),
                        0, commits.groups(), label, true));
            }
        } finally {
            if (durable instanceof AutoCloseable closeable) {
                closeable.close();
            }
            // A workload's SQLite file grows to a gigabyte: it goes once measured.
            deleteTree(data);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    private static void benchWorkload(Path dir, String name, BenchParams p, PrintStream out, String store,
            java.util.Optional<io.flowstate.engine.runtime.Engine> engine) throws Exception {
        Workload workload = Workload.load(dir, name);
        String inputBefore = Json.write(workload.input());
        WorkloadExecutions executions = new WorkloadExecutions(workload, engine);
        boolean durable = engine.isPresent();
        WorkloadExecutions.Worker checker = executions.newWorker();
        checker.runAndCheck();

        System.err.printf("bench: %s: warm-up %.1f s at concurrency %d%n", name, p.warmupSeconds(), p.warmupConcurrency());
        ClosedLoop.run(() -> executions.newWorker()::run, p.warmupConcurrency(), p.warmupSeconds());

        Latencies latencies = Latencies.measure(executions.newWorker()::run, p.latencyRuns(), p.latencyMaxSeconds());
        emit(out, new ResultLine(name, "latency_ms_p50", latencies.percentile(50), 1, latencies.count(), store, durable));
        emit(out, new ResultLine(name, "latency_ms_p99", latencies.percentile(99), 1, latencies.count(), store, durable));

        for (int c : p.throughputConcurrency()) {
            ClosedLoop.Result r = ClosedLoop.run(() -> executions.newWorker()::run, c, p.throughputSeconds());
            emit(out, new ResultLine(name, "throughput_per_s", r.perSecond(), c, r.completed(), store, durable));
        }

        // Still correct after thousands of runs: catches an engine that writes into shared trees.
        checker.runAndCheck();
        JsonNode inputAfter = workload.input();
        if (!Json.write(inputAfter).equals(inputBefore)) {
            throw new BenchFailure(name + ": the engine modified the shared execution input: " + Json.write(inputAfter));
        }
    }

    private static void emit(PrintStream out, ResultLine line) {
        out.println(line.toJson());
        out.flush();
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Command line: {@code --workloads-dir DIR [--only a,b] [--store memory]}. Without {@code --workloads-dir},
     * {@code DIR} is {@code workloads} under the system property {@code flowstate.bench.dir}, else
     * {@code ../shared/bench/workloads} from the working directory. Exits with {@link #run}'s code.
     */
    public static void main(String[] args) {
        System.exit(mainExitCode(args));
    }

    private static int mainExitCode(String[] args) {
        Path dir = null;
        List<String> only = List.of();
        String store = MEMORY;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("-h") || arg.equals("--help")) {
                System.err.println("usage: BenchDriver [--workloads-dir DIR] [--only a,b] [--store memory]");
                return 0;
            }
            if (rest.isEmpty()) {
                System.err.println("bench: " + arg + " needs a value (or is unknown); see --help");
                return 2;
            }
            String value = rest.remove(0);
            switch (arg) {
                case "--workloads-dir" -> dir = Path.of(value);
                case "--only" -> only = splitList(value);
                case "--store" -> store = value;
                default -> {
                    System.err.println("bench: unknown option " + arg + "; see --help");
                    return 2;
                }
            }
        }
        if (dir == null) {
            dir = Path.of(System.getProperty("flowstate.bench.dir", "../shared/bench")).resolve("workloads");
        }
        if (!Files.isDirectory(dir)) {
            System.err.println("bench: no workloads directory at " + dir.toAbsolutePath());
            return 2;
        }
        return run(dir, only, store, System.out);
    }
}
