package io.flowstate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.local.LocalRunner;
import io.flowstate.engine.local.RunResult;
import io.flowstate.engine.local.VirtualClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts executions of one workload on Flowstate's in-process runner (in memory, nothing persisted). Each worker
 * thread gets its own {@link Worker}: its own {@link LocalRunner} and {@link VirtualClock}, so workers share
 * nothing mutable but the (immutable) definition and input. The virtual clock means a Retry would never wait
 * in real time; in these workloads it never fires anyway.
 */
public final class WorkloadExecutions {
    private final Workload workload;
    private final String machineName;
    private final AtomicInteger workers = new AtomicInteger();
    private final java.util.Optional<io.flowstate.engine.runtime.Engine> engine;

    /** Executions of {@code workload} on the in-process runner, in memory. */
    public WorkloadExecutions(Workload workload) {
        this(workload, java.util.Optional.empty());
    }

    /**
     * Executions of {@code workload} on {@code engine} when given (a durable store: each decision is committed
     * before the next), else on the in-process runner.
     */
    public WorkloadExecutions(Workload workload, java.util.Optional<io.flowstate.engine.runtime.Engine> engine) {
        this.workload = requireNonNull(workload, "workload is null");
        this.machineName = "bench-" + workload.name();
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** A new worker, to be used by one thread. */
    public Worker newWorker() {
        return new Worker(workers.incrementAndGet());
    }

    /** Runs executions one after another in the calling thread. Not thread-safe: one per thread. */
    public final class Worker {
        private final LocalRunner runner;
        private final VirtualClock clock;
        private final String namePrefix;
        private long count;

        private Worker(int id) {
            this.clock = new VirtualClock(Instant.now());
            this.runner = new LocalRunner(new BenchIdentity(), clock);
            this.namePrefix = "w" + id + "-";
        }

        /**
         * Runs one execution to its end and returns its output; {@link BenchFailure} when it did not succeed.
         * The timing of a latency sample is around this call: building the execution's identity is part of
         * starting it.
         */
        public JsonNode run() throws BenchFailure, InterruptedException {
            // Unique names, as StartExecution requires; the ARN also seeds the execution's random source.
            String name = namePrefix + count++;
            ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", machineName, name,
                    "arn:aws:iam::123456789012:role/bench", clock.instant(), workload.input());
            if (engine.isPresent()) {
                return runOnEngine(engine.get(), info.withInputText(""), name);
            }
            RunResult result = runner.run(workload.machine(), info);
            if (result.status() != ExecutionStatus.SUCCEEDED) {
                throw new BenchFailure(workload.name() + ": execution " + name + " ended " + result.status()
                        + result.error().map(e -> " with error " + e).orElse("")
                        + result.cause().map(c -> ": " + c).orElse(""));
            }
            return result.output().orElseThrow(() -> new BenchFailure(
                    workload.name() + ": execution " + name + " succeeded without an output"));
        }

        private JsonNode runOnEngine(io.flowstate.engine.runtime.Engine e, ExecutionInfo info, String name)
                throws BenchFailure, InterruptedException {
            ExecutionInfo now = new ExecutionInfo(info.executionArn(), info.name(), info.stateMachineArn(),
                    info.stateMachineName(), info.roleArn(), info.region(), java.time.Instant.now(), info.input(),
                    java.util.Optional.empty());
            e.start(workload.machine(), workload.definition(), now, "STANDARD");
            io.flowstate.engine.runtime.ExecutionSummary s;
            try {
                s = e.completion(now.executionArn()).get();
            } catch (java.util.concurrent.ExecutionException ex) {
                throw new BenchFailure(workload.name() + ": execution " + name + " failed to run: " + ex.getCause());
            }
            if (s.status() != ExecutionStatus.SUCCEEDED) {
                throw new BenchFailure(workload.name() + ": execution " + name + " ended " + s.status()
                        + s.error().map(err -> " with error " + err).orElse(""));
            }
            return s.output().orElseThrow(() -> new BenchFailure(workload.name() + ": no output"));
        }

        /** Runs one execution and checks its output against the workload's expected output. */
        public void runAndCheck() throws BenchFailure, InterruptedException {
            JsonNode output = run();
            if (!JsonEquality.equal(output, workload.expected())) {
                throw new BenchFailure(workload.name() + ": output differs from " + workload.name()
                        + ".expected.json\n  expected: " + Json.write(workload.expected())
                        + "\n  actual:   " + Json.write(output));
            }
        }
    }
}
