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
 * The parked-executions rule for a Distributed Map's children (issue [distributed-map]): one Standard execution
 * whose Distributed Map starts N Standard children (default 10,000, all at once: MaxConcurrency N) that each wait
 * an hour, then the heap in use after GC with all of them parked, beside the same heap before the run started. The
 * budget is [durable]'s, 100,000 parked executions in under 512 MiB, so about 5 KiB per parked execution; run with
 * {@code -Xmx512m}:
 * {@code java -Xmx512m -cp flowstate-bench/target/benchmarks.jar io.flowstate.bench.ParkedChildren [N] [sqlite-file]}.
 */
public final class ParkedChildren {
    private ParkedChildren() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String definition = ("{'StartAt':'Map','States':{'Map':{'Type':'Map','MaxConcurrency':" + n + ","
                + "'ItemsPath':'$.items','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}},"
                + "'End':true}}}").replace('\'', '"');
        StringBuilder input = new StringBuilder("{\"items\":[");
        for (int i = 0; i < n; i++) {
            input.append(i > 0 ? "," : "").append("{\"order\":{\"id\":\"ord-").append(i).append("\",\"items\":3}}");
        }
        String inputText = input.append("]}").toString();
        ExecutionStore store = args.length > 1 ? JdbcStores.sqlite(Path.of(args[1])) : new InMemoryExecutionStore();
        StateMachine machine = AslParser.parse(definition).machine().orElseThrow();
        ManualTimers timers = new ManualTimers(Instant.now());
        try (Engine engine = new Engine(store, new InMemoryExecutionStore(), TaskHandlers.unbound(), timers)) {
            long before = heapAfterGc();
            long t0 = System.nanoTime();
            engine.start(machine, definition, ExecutionInfo.of("us-east-1", "123456789012", "park", "parent",
                    "arn:aws:iam::123456789012:role/bench", timers.now(), Json.parse(inputText))
                    .withInputText(inputText), "STANDARD");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long after = heapAfterGc();
            // The engine (and the parked children) stay reachable until after the measurement.
            System.out.printf("%d Distributed Map children parked in a Wait (%d timers pending) in %.1f s; heap in use"
                    + " after GC: %d MiB before, %d MiB with them parked, %.2f KiB per child (max %d MiB, store %s)%n",
                    n, timers.pending(), seconds, before >> 20, after >> 20, (after - before) / 1024.0 / n,
                    Runtime.getRuntime().maxMemory() >> 20, args.length > 1 ? "sqlite" : "memory");
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
