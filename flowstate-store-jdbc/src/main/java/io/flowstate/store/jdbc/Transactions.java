package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Reads and transactional writes on one database, shared by every store on it (executions and registry), so
 * that on SQLite all of them queue behind one writer and share its group commits instead of contending for
 * the file lock.
 */
final class Transactions implements AutoCloseable {
    private final DataSource data;
    private final Dialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Queue<Queued<?>> queue = new ConcurrentLinkedQueue<>();
    /**
     * SQLite's writer: one connection kept out of the pool, in a transaction between commits, with its statements
     * kept prepared. Opened on the first write, dropped when it fails; guarded by {@link #writeLock}.
     */
    private Statements writer;
    private volatile boolean closed;
    /** Started on the first write; written under this object's monitor. */
    private volatile Committer committer;
    /** SQLite's checkpoints, off the writer's thread; started with the committer. */
    private volatile Checkpoints checkpoints;

    Transactions(DataSource data, Dialect dialect) {
        this.data = requireNonNull(data, "data is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    DataSource data() {
        return data;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A read in one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A write, run inside a transaction that {@link Transactions} begins and ends. It may run more than once
     * (see {@link #write}), so it must not act outside the database.
     */
    @FunctionalInterface
    interface Write<T> {
        T run(Statements s) throws SQLException;
    }

    /** The single writer's group commits (SQLite); PostgreSQL commits per caller and counts nothing here. */
    final CommitStats stats = new CommitStats(() -> queue.size());

    <T> T read(Work<T> work) {
        try (Connection c = data.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        }
    }

    /**
     * Runs {@code work} in a transaction: its writes are committed (and durable) when this returns, and none of
     * them is kept when it throws.
     *
     * <p>SQLite has one writer and an fsync per commit, so commits are grouped: each caller queues its work, and
     * the committer thread runs every queued work in one transaction, then commits once, while the callers wait.
     * Callers return only after that commit, so nothing a commit causes becomes visible before it is durable.
     * The committer runs every group, whichever threads queued the works: a caller that led its own group
     * measured 20% slower on the pass-chain benchmark (8 platform threads), because the leading role moved from
     * thread to thread with cold caches, and because a virtual thread must not lead (SQLite's fsync is a native
     * call that pins its carrier, stalling the engine's other virtual threads). When a work fails (a version
     * conflict, say), the group is rolled back and each of its works runs again in a transaction of its own, so
     * that one failure fails only its own caller. That costs the failing group one fsync per work, and spares
     * every group that does not fail a savepoint per work.
     */
    <T> T write(Write<T> work) {
        if (!dialect.singleWriter()) {
            try (Connection c = data.getConnection(); Statements s = new Statements(c)) {
                return transaction(c, s, work);
            } catch (SQLException e) {
                throw new StoreException("write failed", e);
            }
        }
        Queued<T> mine = new Queued<>(work, Thread.currentThread());
        queue.add(mine);
        committer().wake();
        // Woken by its own finish only (see Queued#finish): a group does not wake every waiting caller. The work
        // is the committer's now and cannot be withdrawn, so an interrupt is kept for later rather than obeyed
        // (an interrupted thread's park returns at once: the flag is cleared while waiting).
        boolean interrupted = false;
        while (!mine.finished) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome();
    }

    private Committer committer() {
        Committer c = committer;
        return c != null && !closed ? c : startCommitter();
    }

    private synchronized Committer startCommitter() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (committer == null) {
            checkpoints = new Checkpoints(data);
            committer = new Committer("flowstate-sqlite-committer", () -> !queue.isEmpty(), this::runGroup);
        }
        return committer;
    }

    /** Runs the queued writes as one group; the committer's work. */
    private void runGroup() {
        writeLock.lock();
        try {
            runQueued();
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T transaction(Connection c, Statements s, Write<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(s);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Runs every queued work in one transaction; called with the write lock held. */
    private void runQueued() {
        List<Queued<?>> group = new ArrayList<>();
        for (Queued<?> q = queue.poll(); q != null; q = queue.poll()) {
            group.add(q);
        }
        if (group.isEmpty()) {
            return;
        }
        Statements s;
        try {
            s = writer();
        } catch (SQLException | RuntimeException e) {
            group.forEach(q -> q.failed(failure(e)));
            return;
        }
        try {
            for (Queued<?> q : group) {
                q.run(s);
            }
            long t0 = System.nanoTime();
            s.connection().commit();
            stats.committed(group.size(), System.nanoTime() - t0);
            if (checkpoints != null) {
                checkpoints.committed();
            }
        } catch (SQLException | RuntimeException e) {
            rollback(s);
            if (group.size() == 1) {
                group.getFirst().failed(failure(e));
            } else {
                group.forEach(this::runAlone);
            }
            return;
        }
        group.forEach(Queued::committed);
    }

    /** Runs one work of a failed group again, in its own transaction. */
    private void runAlone(Queued<?> q) {
        try {
            Statements s = writer();
            try {
                q.run(s);
                s.connection().commit();
                q.committed();
            } catch (SQLException | RuntimeException e) {
                rollback(s);
                q.failed(failure(e));
            }
        } catch (SQLException | RuntimeException e) {
            q.failed(failure(e));
        }
    }

    private Statements writer() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (writer == null) {
            Connection c = data.getConnection();
            try {
                Checkpoints.configureWriter(c);
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            writer = new Statements(c);
        }
        return writer;
    }

    /** Rolls the writer's transaction back; a writer that cannot roll back is dropped (a new one is opened). */
    private void rollback(Statements s) {
        try {
            s.connection().rollback();
        } catch (SQLException e) {
            dropWriter();
        }
    }

    private void dropWriter() {
        if (writer == null) {
            return;
        }
        writer.close();
        try {
            writer.connection().close();
        } catch (SQLException e) {
            // The connection is given up either way; the pool replaces it.
        }
        writer = null;
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof SQLException sql ? new StoreException("write failed", sql) : (RuntimeException) e;
    }

    /** How many writes wait for a group commit (for tests that need a group to form). */
    int queued() {
        return queue.size();
    }

    /** Gives SQLite's writer connection back (its open transaction holds nothing: commits begin the next one). */
    @Override
    public void close() {
        // First, so that no committer starts after the one stopped below, and no group runs after the last.
        closed = true;
        Committer c;
        synchronized (this) {
            c = committer;
            committer = null;
        }
        if (c != null) {
            c.stop();
        }
        Checkpoints k;
        synchronized (this) {
            k = checkpoints;
            checkpoints = null;
        }
        if (k != null) {
            k.close();
        }
        writeLock.lock();
        try {
            // Writes still queued fail (writer() refuses once closed) rather than wait for ever.
            runQueued();
            if (writer != null) {
                rollback(writer);
            }
            dropWriter();
        } finally {
            writeLock.unlock();
        }
    }

    /** A work waiting for a group commit, and its outcome once the group has committed or failed. */
    private static final class Queued<T> {
        final Write<T> work;
        private final Thread waiter;
        T result;
        RuntimeException failure;
        /** Written by the committer, under the write lock; read by the waiter, which it unparks. */
        volatile boolean finished;
        private boolean ran;

        Queued(Write<T> work, Thread waiter) {
            this.work = work;
            this.waiter = waiter;
        }

        void run(Statements s) throws SQLException {
            result = work.run(s);
            ran = true;
        }

        void failed(RuntimeException e) {
            if (!finished) {
                failure = e;
                finish();
            }
        }

        void committed() {
            if (!finished && ran) {
                finish();
            }
        }

        /** Publishes the outcome, then wakes the waiter (an unpark before its park makes the park return). */
        private void finish() {
            finished = true;
            LockSupport.unpark(waiter);
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
