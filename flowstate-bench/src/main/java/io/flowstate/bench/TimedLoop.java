package io.flowstate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ClosedLoop} that also keeps the latency of every execution it completed, so percentiles under
 * concurrency (where queueing shows) can be reported beside the throughput. Each worker records into its own
 * array; they are merged after the loop has joined its threads.
 */
public record TimedLoop(ClosedLoop.Result result, Latencies latencies) {
    /** Runs the loop as {@link ClosedLoop#run} does, timing each execution of each worker. */
    public static TimedLoop run(Supplier<ExecutionBody> newWorker, int concurrency, double seconds) throws Exception {
        List<Recording> workers = new ArrayList<>();
        ClosedLoop.Result r = ClosedLoop.run(() -> {
            Recording w = new Recording(newWorker.get());
            workers.add(w); // newWorker is called on this thread, before the workers start
            return w;
        }, concurrency, seconds);
        int n = workers.stream().mapToInt(w -> w.count).sum();
        double[] all = new double[n];
        int at = 0;
        for (Recording w : workers) {
            System.arraycopy(w.millis, 0, all, at, w.count);
            at += w.count;
        }
        return new TimedLoop(r, new Latencies(all));
    }

    private static final class Recording implements ExecutionBody {
        private final ExecutionBody body;
        private double[] millis = new double[4096];
        private int count;

        Recording(ExecutionBody body) {
            this.body = body;
        }

        @Override
        public void runOnce() throws Exception {
            long t0 = System.nanoTime();
            body.runOnce();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = ms;
        }
    }
}
