package io.flowstate.engine.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the engine keeps of the executions that ended last (their exact payload writers, their ending summaries):
 * at most {@code max} entries, the oldest put going first. Every execution's end puts one, from whichever thread
 * ends it; a synchronized access-ordered map there was the monitor most contended by in-memory executions, so
 * this one takes no lock. A key removed and put again may leave early: a miss only costs a read of the store.
 */
final class RecentEntries<V> {
    private final int max;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    /** Keys in the order they were first put (a removed key stays until its turn to go). */
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    RecentEntries(int max) {
        this.max = max;
    }

    void put(String key, V value) {
        if (entries.put(key, value) == null) {
            order.add(key);
            if (queued.incrementAndGet() > max) {
                String oldest = order.poll();
                if (oldest != null) {
                    queued.decrementAndGet();
                    entries.remove(oldest);
                }
            }
        }
    }

    /** The entry of {@code key}, or null. */
    V get(String key) {
        return entries.get(key);
    }

    void remove(String key) {
        entries.remove(key);
    }
}
