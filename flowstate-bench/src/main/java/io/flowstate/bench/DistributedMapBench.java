package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.local.LocalRunner;
import io.flowstate.engine.local.RunResult;
import io.flowstate.engine.local.VirtualClock;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.integrations.LocalBuckets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code distributed-map-csv} (issue [distributed-map], "Tests and figures"): one execution whose Distributed Map
 * reads N CSV rows (default 1,000,000; header row {@code id,name,qty}) with an {@code s3:getObject} ItemReader
 * from a local-directory bucket ({@link LocalBuckets}, the {@code buckets:} route), batches of 100
 * ({@code ItemBatcher}), MaxConcurrency 1,000, Express children with one Pass state; beside it, in the same JVM and
 * run, an inline Map with a Pass state over as many rows given as input, in executions of
 * {@link #INLINE_ITEMS} rows (AWS's 25,000-event history limit), checked by a {@code ResultSelector} as the
 * Distributed Map is. Both run on the in-process runner ({@code flowstate run}'s), one after the other,
 * {@code rounds} times after a warm-up at a tenth of the size. Prints one result line per measurement ({@code items_per_s}, {@code peak_heap_mib},
 * {@code peak_heap_after_gc_mib}; {@link HeapSampler}); progress goes to standard error.
 *
 * <p>{@code java -Xmx1g -cp flowstate-bench/target/benchmarks.jar io.flowstate.bench.DistributedMapBench [N] [rounds]},
 * or {@code FLOWSTATE_JAVA_OPTS=-Xmx1g ./flowstate bench --only distributed-map-csv} (N = 1,000,000, or that times
 * {@code BENCH_SCALE} when it is below 1; 3 rounds).
 */
public final class DistributedMapBench {
    /** The workload's name in the result lines. */
    public static final String NAME = "distributed-map-csv";
    /** The inline Map's line. */
    public static final String INLINE = "inline-map";
    /** The line of the Distributed Map writing its results to a bucket. */
    public static final String WRITTEN_NAME = "distributed-map-csv-written";

    private static final String DISTRIBUTED = ("{'StartAt':'Map','States':{'Map':{'Type':'Map','MaxConcurrency':1000,"
            + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
            + "'CSVHeaderLocation':'FIRST_ROW'},'Parameters':{'Bucket':'input','Key':'rows.csv'}},"
            + "'ItemBatcher':{'MaxItemsPerBatch':100},"
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"
            + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
            + "'ResultSelector':{'batches.$':'States.ArrayLength($)','lastId.$':'$[-1].Items[-1].id'},"
            + "'End':true}}}").replace('\'', '"');
    /**
     * The same run writing its results to a bucket ({@code ResultWriter}, as a run over a million rows must on AWS,
     * whose state output is limited to 256 KiB): nothing of the run need stay in memory, items or results.
     */
    private static final String WRITTEN = DISTRIBUTED.replace("\"ResultSelector\":{\"batches.$\":\"States.ArrayLength($)\","
            + "\"lastId.$\":\"$[-1].Items[-1].id\"}", "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
            + "\"Parameters\":{\"Bucket\":\"output\",\"Prefix\":\"runs\"}}");
    private static final String INLINE_MAP = ("{'StartAt':'Map','States':{'Map':{'Type':'Map','MaxConcurrency':1000,"
            + "'ItemsPath':'$.rows','ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
            + "'ResultSelector':{'items.$':'States.ArrayLength($)'},'End':true}}}").replace('\'', '"');

    /** The rows the issue names. */
    public static final int ROWS = 1_000_000;
    /** Rows per inline Map execution: its 4 events per iteration stay under the 25,000-event history limit. */
    public static final int INLINE_ITEMS = 6_000;

    private DistributedMapBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : ROWS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 2 && args[2].equals("written-only")) {
            writtenOnly(rows, rounds, System.out);
            return;
        }
        run(rows, rounds, System.out);
    }

    /**
     * Only the run writing its results, {@code rounds} times over {@code rows} rows: run in a small heap
     * ({@code -Xmx256m}) over millions of rows, it shows the run's memory does not grow with the item count.
     */
    public static void writtenOnly(int rows, int rounds, PrintStream out) throws Exception {
        Path root = buckets(rows);
        try {
            StateMachine written = AslParser.parse(WRITTEN).machine().orElseThrow();
            for (int r = 1; r <= rounds; r++) {
                Measured w = written(written, new LocalBuckets(root), root.resolve("output"), rows);
                print(out, WRITTEN_NAME, w);
                System.err.printf("bench: round %d: written %.0f items/s (peak heap %d MiB, after GC %d MiB, max heap "
                        + "%d MiB)%n", r, w.perSecond(), w.peakMiB, w.afterGcMiB, Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            deleteTree(root);
        }
    }

    /** Writes the CSV, warms up at a tenth of {@code rows}, then measures {@code rounds} pairs. */
    public static void run(int rows, int rounds, PrintStream out) throws Exception {
        Path root = buckets(rows);
        try {
            Path small = root.resolve("input/small.csv");
            writeCsv(small, Math.max(1, rows / 10));
            TaskHandler buckets = new LocalBuckets(root);
            StateMachine distributed = AslParser.parse(DISTRIBUTED).machine().orElseThrow();
            StateMachine smallDistributed = AslParser.parse(DISTRIBUTED.replace("rows.csv", "small.csv"))
                    .machine().orElseThrow();
            StateMachine inline = AslParser.parse(INLINE_MAP).machine().orElseThrow();
            StateMachine written = AslParser.parse(WRITTEN).machine().orElseThrow();
            if (WRITTEN.equals(DISTRIBUTED)) {
                throw new IllegalStateException("the written run's definition did not get its ResultWriter");
            }
            System.err.printf("bench: %s: warm-up at %d rows%n", NAME, Math.max(1, rows / 10));
            distributed(smallDistributed, buckets, Math.max(1, rows / 10));
            written(AslParser.parse(WRITTEN.replace("rows.csv", "small.csv")).machine().orElseThrow(), buckets,
                    root.resolve("output"), Math.max(1, rows / 10));
            inline(inline, buckets, Math.max(1, rows / 10));
            for (int r = 1; r <= rounds; r++) {
                Measured d = distributed(distributed, buckets, rows);
                Measured w = written(written, buckets, root.resolve("output"), rows);
                Measured i = inline(inline, buckets, rows);
                print(out, NAME, d);
                print(out, WRITTEN_NAME, w);
                print(out, INLINE, i);
                System.err.printf("bench: round %d: distributed %.0f items/s (peak heap %d MiB, after GC %d MiB), "
                        + "written %.0f items/s (peak heap %d MiB, after GC %d MiB), "
                        + "inline %.0f items/s (peak heap %d MiB, after GC %d MiB)%n", r, d.perSecond(),
                        d.peakMiB, d.afterGcMiB, w.perSecond(), w.peakMiB, w.afterGcMiB, i.perSecond(), i.peakMiB,
                        i.afterGcMiB);
            }
        } finally {
            deleteTree(root);
        }
    }

    /** One measurement: the items mapped, in how long, and the heap it took. */
    private record Measured(long items, double seconds, long peakMiB, long afterGcMiB) {
        double perSecond() {
            return items / seconds;
        }
    }

    private static Measured distributed(StateMachine machine, TaskHandler tasks, int rows) throws Exception {
        return measure(machine, tasks, Json.object(), 1, rows, output ->
                output.path("batches").asLong() == (rows + 99) / 100
                && output.path("lastId").asText().equals(Integer.toString(rows - 1)));
    }

    /**
     * The run writing its results: timed to its end (the manifest written), then checked: every batch's record is
     * in the result files, once.
     */
    private static Measured written(StateMachine machine, TaskHandler tasks, Path bucket, int rows) throws Exception {
        Measured m = measure(machine, tasks, Json.object(), 1, rows,
                output -> output.path("ResultWriterDetails").path("Key").asText().endsWith("manifest.json"));
        long records = 0;
        try (java.util.stream.Stream<Path> files = Files.walk(bucket)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("SUCCEEDED_")).toList()) {
                records += Json.mapper().readTree(f.toFile()).size();
                Files.delete(f);
            }
        }
        if (records != (rows + 99) / 100) {
            throw new BenchFailure(WRITTEN_NAME + ": the result files hold " + records + " records, not "
                    + (rows + 99) / 100);
        }
        return m;
    }

    /**
     * The inline Map over the same number of rows, as executions of {@link #INLINE_ITEMS} rows one after the other:
     * an inline Map's iterations are in its execution's history, which AWS limits to 25,000 events.
     */
    private static Measured inline(StateMachine machine, TaskHandler tasks, int rows) throws Exception {
        ObjectNode input = Json.object();
        ArrayNode array = input.putArray("rows");
        for (int i = 0; i < INLINE_ITEMS; i++) {
            array.add(row(i));
        }
        int executions = (rows + INLINE_ITEMS - 1) / INLINE_ITEMS;
        return measure(machine, tasks, input, executions, (long) executions * INLINE_ITEMS,
                output -> output.path("items").asLong() == INLINE_ITEMS);
    }

    /** Runs {@code executions} executions of {@code machine} one after the other; times them all. */
    private static Measured measure(StateMachine machine, TaskHandler tasks, ObjectNode input, int executions,
            long items, java.util.function.Predicate<JsonNode> check) throws Exception {
        System.gc();
        long t0;
        long t1;
        HeapSampler heap = new HeapSampler();
        try (heap) {
            t0 = System.nanoTime();
            for (int e = 0; e < executions; e++) {
                RunResult result = new LocalRunner(tasks, new VirtualClock(Instant.now())).run(machine,
                        ExecutionInfo.of("us-east-1", "123456789012", "dmap", "e" + e,
                                "arn:aws:iam::123456789012:role/bench", Instant.now(), input));
                if (result.status() != ExecutionStatus.SUCCEEDED || !check.test(result.output().orElseThrow())) {
                    throw new BenchFailure(NAME + ": the run ended " + result.status() + " "
                            + result.error().orElse("") + " " + result.cause().orElse("") + " "
                            + result.output().map(Json::write).orElse(""));
                }
            }
            t1 = System.nanoTime();
        }
        return new Measured(items, (t1 - t0) / 1e9, heap.peakUsedBytes() >> 20, heap.peakAfterGcBytes() >> 20);
    }

    /** A folder of buckets ({@link LocalBuckets}): {@code input} holding {@code rows.csv} of {@code rows} rows, {@code output}. */
    private static Path buckets(int rows) throws IOException {
        Path root = Files.createTempDirectory("flowstate-dmap-bench-");
        Files.createDirectories(root.resolve("input"));
        Files.createDirectories(root.resolve("output"));
        writeCsv(root.resolve("input/rows.csv"), rows);
        return root;
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static ObjectNode row(int i) {
        return Json.object().put("id", Integer.toString(i)).put("name", "item-" + i)
                .put("qty", Integer.toString(i % 10));
    }

    private static void writeCsv(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,name,qty\n");
            for (int i = 0; i < rows; i++) {
                w.write(i + ",item-" + i + "," + (i % 10) + "\n");
            }
        }
    }

    private static void print(PrintStream out, String name, Measured m) {
        out.println(new ResultLine(name, "items_per_s", m.perSecond(), 1000, m.items).toJson());
        out.println(new ResultLine(name, "peak_heap_mib", m.peakMiB, 1000, m.items).toJson());
        out.println(new ResultLine(name, "peak_heap_after_gc_mib", m.afterGcMiB, 1000, m.items).toJson());
        out.flush();
    }
}
