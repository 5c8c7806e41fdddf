package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.runtime.ActivityTask;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Activity tasks in the {@code activity_tasks} table, shared by every node: the owner of an execution inserts
 * its activity task and notifies {@link #CHANNEL} with the activity ARN; a GetActivityTask on any node takes
 * the oldest task with {@code DELETE ... FOR UPDATE SKIP LOCKED} (two pollers never get the same task, and
 * neither waits for the other's transaction). A poller that finds none waits for a notification for its
 * activity, and looks again every {@link #RECHECK} in case one was lost while the LISTEN connection was down.
 */
final class ActivityQueue {
    static final String CHANNEL = "flowstate_activity";
    private static final Duration RECHECK = Duration.ofSeconds(5);

    /** Waiters of one activity; {@code generation} counts notifications, so a wake-up is never missed. */
    private static final class Waiters {
        final ReentrantLock lock = new ReentrantLock();
        final Condition arrived = lock.newCondition();
        long generation;
    }

    private final Transactions tx;
    private final Map<String, Waiters> waiters = new ConcurrentHashMap<>();

    ActivityQueue(Transactions tx) {
        this.tx = requireNonNull(tx, "tx is null");
    }

    void offer(String activityArn, ActivityTask task) {
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_tasks (activity_arn, task_token, input) "
                    + "VALUES (?, ?, ?) ON CONFLICT (task_token) DO NOTHING")) {
                ps.setString(1, activityArn);
                ps.setString(2, task.taskToken());
                ps.setString(3, task.input());
                ps.executeUpdate();
            }
            Notifications.send(c, CHANNEL, activityArn);
            return null;
        });
    }

    Optional<ActivityTask> take(String activityArn, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Waiters w = waiters.computeIfAbsent(activityArn, k -> new Waiters());
        while (true) {
            long seen;
            w.lock.lock();
            try {
                seen = w.generation;
            } finally {
                w.lock.unlock();
            }
            Optional<ActivityTask> task = claim(activityArn);
            long left = deadline - System.nanoTime();
            if (task.isPresent() || left <= 0) {
                return task;
            }
            w.lock.lockInterruptibly();
            try {
                long nanos = Math.min(left, RECHECK.toNanos());
                while (w.generation == seen && nanos > 0) {
                    nanos = w.arrived.awaitNanos(nanos);
                }
            } finally {
                w.lock.unlock();
            }
        }
    }

    /** A {@link #CHANNEL} notification: a task for {@code activityArn} was queued (on any node). */
    void arrived(String activityArn) {
        Waiters w = waiters.get(activityArn);
        if (w != null) {
            signal(w);
        }
    }

    /** Wakes every poller (after the LISTEN connection came back: notifications may have been missed). */
    void wakeAll() {
        waiters.values().forEach(ActivityQueue::signal);
    }

    private static void signal(Waiters w) {
        w.lock.lock();
        try {
            w.generation++;
            w.arrived.signalAll();
        } finally {
            w.lock.unlock();
        }
    }

    private Optional<ActivityTask> claim(String activityArn) {
        return tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM activity_tasks WHERE id = (SELECT id FROM activity_tasks "
                    + "WHERE activity_arn = ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING task_token, input")) {
                ps.setString(1, activityArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ActivityTask(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

}
