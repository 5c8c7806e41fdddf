package io.flowstate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The closed loop of the benchmark procedure: {@code concurrency} platform threads each start a new execution as
 * soon as their previous one completes, until {@code seconds} have passed; executions in flight at that moment
 * run to completion and count. Throughput is completed executions over the time from the start until the last
 * one completed.
 */
public final class ClosedLoop {
    /** What a loop did: {@code completed} executions in {@code seconds} (start to last completion). */
    public record Result(long completed, double seconds) {
        /** Completed executions per second. */
        public double perSecond() {
            return completed / seconds;
        }
    }

    private ClosedLoop() {}

    /**
     * Runs the loop. {@code newWorker} is called once per thread, before the clock starts, so per-worker set-up
     * (a runner, a clock) is not measured. The first failure stops every worker and is rethrown.
     */
    public static Result run(Supplier<ExecutionBody> newWorker, int concurrency, double seconds) throws Exception {
        AtomicLong completed = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            ExecutionBody body = newWorker.get();
            threads.add(Thread.ofPlatform().name("bench-worker-" + i).daemon().start(() -> {
                try {
                    go.await();
                    // deadline is published by the latch (happens-before through countDown/await)
                    while (!failed.get() && System.nanoTime() < deadline[0]) {
                        body.runOnce();
                        completed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.set(true);
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long start = System.nanoTime();
        deadline[0] = start + (long) (seconds * 1e9);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long end = System.nanoTime();
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Result(completed.get(), (end - start) / 1e9);
    }
}
