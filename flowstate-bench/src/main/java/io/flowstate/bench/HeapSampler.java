package io.flowstate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap every few milliseconds on a daemon thread while a measurement runs: the peak of the heap in use
 * (live objects and garbage not yet collected: what the heap had to hold) and the peak of the heap left after a
 * collection (summed over the pools' usage after their last collection: the live set, as near as the JVM says).
 * One sampler per measurement; {@link #close} stops it.
 */
public final class HeapSampler implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 5;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    /** Starts sampling at once. */
    public HeapSampler() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean p : pools) {
            used += p.getUsage().getUsed();
            MemoryUsage c = p.getCollectionUsage();
            afterGc += c == null ? 0 : c.getUsed();
        }
        peakUsed = Math.max(peakUsed, used);
        peakAfterGc = Math.max(peakAfterGc, afterGc);
    }

    /** The largest heap in use seen so far, in bytes. */
    public long peakUsedBytes() {
        return peakUsed;
    }

    /** The largest heap left after a collection seen so far, in bytes. */
    public long peakAfterGcBytes() {
        return peakAfterGc;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
