package io.flowstate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ClosedLoop} that also keeps the latency of every execution it completed, so percentiles under
 * concurrency (where queueing shows) can be reported beside the throughput, and the CPU time the process and
 * the loop's own threads used per execution. On a shared machine latency follows the other tenants' load; CPU
 * per execution barely does, so it is the figure to compare builds with. Each worker records into its own
 * array; they are merged after the loop has joined its threads.
 *
 * @param processCpuNanos CPU time of the whole process (every thread) during the loop
 * @param workerCpuNanos CPU time of the loop's worker threads (a client's share, when they are the client)
 */
public record TimedLoop(ClosedLoop.Result result, Latencies latencies, long processCpuNanos, long workerCpuNanos) {
    /** Process CPU microseconds per completed execution. */
    public double processCpuMicrosPerExecution() {
        return processCpuNanos / 1e3 / result.completed();
    }

    /** Worker-thread CPU microseconds per completed execution. */
    public double workerCpuMicrosPerExecution() {
        return workerCpuNanos / 1e3 / result.completed();
    }

    /** Runs the loop as {@link ClosedLoop#run} does, timing each execution of each worker. */
    public static TimedLoop run(Supplier<ExecutionBody> newWorker, int concurrency, double seconds) throws Exception {
        List<Recording> workers = new ArrayList<>();
        long cpu0 = cpuOfProcess();
        ClosedLoop.Result r = ClosedLoop.run(() -> {
            Recording w = new Recording(newWorker.get());
            workers.add(w); // newWorker is called on this thread, before the workers start
            return w;
        }, concurrency, seconds);
        long processCpu = cpuOfProcess() - cpu0;
        int n = workers.stream().mapToInt(w -> w.count).sum();
        double[] all = new double[n];
        int at = 0;
        for (Recording w : workers) {
            System.arraycopy(w.millis, 0, all, at, w.count);
            at += w.count;
        }
        long workerCpu = workers.stream().mapToLong(w -> w.cpuEnd - w.cpuStart).sum();
        return new TimedLoop(r, new Latencies(all), processCpu, workerCpu);
    }

    private static long cpuOfProcess() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final class Recording implements ExecutionBody {
        private final ExecutionBody body;
        private double[] millis = new double[4096];
        private int count;
        private long cpuStart = -1;
        private long cpuEnd;

        Recording(ExecutionBody body) {
            this.body = body;
        }

        @Override
        public void runOnce() throws Exception {
            if (cpuStart < 0) {
                cpuStart = THREADS.getCurrentThreadCpuTime();
            }
            long t0 = System.nanoTime();
            body.runOnce();
            double ms = (System.nanoTime() - t0) / 1e6;
            cpuEnd = THREADS.getCurrentThreadCpuTime();
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = ms;
        }
    }
}
