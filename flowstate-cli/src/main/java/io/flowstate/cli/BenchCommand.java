package io.flowstate.cli;

import io.flowstate.bench.BenchDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowstate bench}: the shared end-to-end workloads on this machine, following the peers' procedure,
 * one JSON line per workload and metric on stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Measures Flowstate on the shared benchmark workloads (JSON lines on stdout).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--workloads-dir", required = true, paramLabel = "DIR",
            description = "The workloads folder (../shared/bench/workloads).")
    Path workloads;

    @Option(names = "--only", split = ",", paramLabel = "a,b", description = "Run only these workloads.")
    List<String> only = List.of();

    @Option(names = "--store", defaultValue = BenchDriver.MEMORY, description = "Where executions live (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--durability", paramLabel = "power|process", defaultValue = "power",
            description = "For a durable --store: what a commit survives, as flowstate server's option (default: ${DEFAULT-VALUE}).")
    String durability;

    @Override
    public Integer call() {
        if (!Files.isDirectory(workloads)) {
            System.err.println("flowstate: no such directory: " + workloads);
            return 2;
        }
        io.flowstate.store.jdbc.Durability mode;
        try {
            mode = io.flowstate.store.jdbc.Durability.parse(durability);
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: --" + e.getMessage());
            return 2;
        }
        return BenchDriver.run(workloads, only, store, mode, System.out);
    }
}
