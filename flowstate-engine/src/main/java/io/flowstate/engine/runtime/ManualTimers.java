package io.flowstate.engine.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Timers on a testing clock that moves only when told: {@link #advance} fires what became due, in due order,
 * and {@link #fireNext} jumps straight to the next timer, so a one-year Wait takes no time at all.
 * Due actions run in the calling thread.
 */
public final class ManualTimers implements TimerService {
    private record Timer(Instant dueAt, long seq, Runnable action) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = a.dueAt().compareTo(b.dueAt());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private Instant now;
    private long seq;

    public ManualTimers(Instant start) {
        this.now = start;
    }

    @Override
    public InstantSource clock() {
        return this::now;
    }

    /** The testing clock's current time. */
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void schedule(Instant dueAt, Runnable action) {
        timers.add(new Timer(dueAt, seq++, action));
    }

    /** Number of timers not yet fired. */
    public synchronized int pending() {
        return timers.size();
    }

    /** Moves the clock forward by {@code duration}, firing every timer that became due. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.dueAt().isAfter(target)) {
                    now = target;
                    return;
                }
                timers.poll();
                if (next.dueAt().isAfter(now)) {
                    now = next.dueAt();
                }
            }
            next.action().run();
        }
    }

    /** Jumps to the next timer and fires it (and any due at the same time); false when there is none. */
    public boolean fireNext() {
        List<Timer> due = new ArrayList<>();
        synchronized (this) {
            Timer first = timers.poll();
            if (first == null) {
                return false;
            }
            if (first.dueAt().isAfter(now)) {
                now = first.dueAt();
            }
            due.add(first);
            while (!timers.isEmpty() && !timers.peek().dueAt().isAfter(now)) {
                due.add(timers.poll());
            }
        }
        due.forEach(t -> t.action().run());
        return true;
    }

    @Override
    public void close() {
        synchronized (this) {
            timers.clear();
        }
    }
}
