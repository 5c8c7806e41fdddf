package io.flowstate.bench;

import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.ManualTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The memory one parked execution costs: starts N executions (default 100,000) that wait an hour, then
 * reports the heap in use after GC with all of them running. Run with {@code -Xmx512m} to check the
 * [durable] target (100,000 executions parked in a Wait in under 512 MiB of heap):
 * {@code java -Xmx512m -cp flowstate-bench/target/benchmarks.jar io.flowstate.bench.ParkedExecutions [N] [sqlite-file]}.
 */
public final class ParkedExecutions {
    private static final String DEFINITION =
            "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
    private static final String INPUT = "{\"order\":{\"id\":\"ord-1\",\"items\":3}}";

    private ParkedExecutions() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ExecutionStore store = args.length > 1 ? JdbcStores.sqlite(Path.of(args[1])) : new InMemoryExecutionStore();
        StateMachine machine = AslParser.parse(DEFINITION).machine().orElseThrow();
        ManualTimers timers = new ManualTimers(Instant.now());
        try (Engine engine = new Engine(store, new InMemoryExecutionStore(), TaskHandlers.unbound(), timers)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.start(machine, DEFINITION, ExecutionInfo.of("us-east-1", "123456789012", "park", "e" + i,
                        "arn:aws:iam::123456789012:role/bench", timers.now(), Json.parse(INPUT)).withInputText(INPUT),
                        "STANDARD");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int k = 0; k < 3; k++) {
                System.gc();
                Thread.sleep(200);
            }
            Runtime rt = Runtime.getRuntime();
            long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
            // Keep the engine (and its parked executions) reachable until after the measurement.
            System.out.printf("%d executions parked in a Wait (%d timers pending) in %.1f s; heap in use after GC: %d MiB"
                    + " (max %d MiB, store %s)%n", n, timers.pending(), seconds, used, rt.maxMemory() >> 20,
                    args.length > 1 ? "sqlite" : "memory");
        }
    }
}
