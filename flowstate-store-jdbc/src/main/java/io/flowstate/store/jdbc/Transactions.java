package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Reads and transactional writes on one database, shared by every store on it (executions and registry), so
 * that on SQLite all of them queue behind one writer and share its group commits instead of contending for
 * the file lock.
 */
final class Transactions {
    private final DataSource data;
    private final Dialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock groupDone = new ReentrantLock();
    private final Condition groupCommitted = groupDone.newCondition();
    private final Queue<Queued<?>> queue = new ConcurrentLinkedQueue<>();

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

    /** Work in one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

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
     * <p>SQLite has one writer and an fsync per commit, so commits are grouped: each caller queues its work and
     * whoever holds the write lock runs every queued work in one transaction, each inside a savepoint (a
     * failing work, such as a version conflict, is rolled back alone), then commits once. Callers return only
     * after that commit, so nothing a commit causes becomes visible before it is durable.
     */
    <T> T write(Work<T> work) {
        if (!dialect.singleWriter()) {
            try (Connection c = data.getConnection()) {
                return transaction(c, work);
            } catch (SQLException e) {
                throw new StoreException("write failed", e);
            }
        }
        Queued<T> mine = new Queued<>(work);
        queue.add(mine);
        while (!mine.finished) {
            if (writeLock.tryLock()) {
                try {
                    if (!mine.finished) {
                        runQueued();
                    }
                } finally {
                    writeLock.unlock();
                }
                groupDone.lock();
                try {
                    groupCommitted.signalAll();
                } finally {
                    groupDone.unlock();
                }
            } else {
                // Wait for the running group rather than for the write lock: a finished work returns at once
                // instead of queueing behind the next group's fsync, and a pending one leads the next group.
                groupDone.lock();
                try {
                    while (!mine.finished && writeLock.isLocked()) {
                        groupCommitted.awaitUninterruptibly();
                    }
                } finally {
                    groupDone.unlock();
                }
            }
        }
        return mine.outcome();
    }

    private static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
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
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Queued<?> q : group) {
                    java.sql.Savepoint point = c.setSavepoint();
                    try {
                        q.run(c);
                        c.releaseSavepoint(point);
                    } catch (SQLException | RuntimeException e) {
                        c.rollback(point);
                        q.failed(e instanceof SQLException sql ? new StoreException("write failed", sql) : (RuntimeException) e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            group.forEach(Queued::committed);
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof SQLException sql ? new StoreException("write failed", sql) : (RuntimeException) e;
            group.forEach(q -> q.failed(failure));
        }
    }

    /** A work waiting for a group commit, and its outcome once the group has committed or failed. */
    private static final class Queued<T> {
        final Work<T> work;
        T result;
        RuntimeException failure;
        /** Written and read under the write lock, or by the owner after it released the lock. */
        volatile boolean finished;
        private boolean ran;

        Queued(Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
            ran = true;
        }

        void failed(RuntimeException e) {
            if (!finished) {
                failure = e;
                finished = true;
            }
        }

        void committed() {
            if (!finished && ran) {
                finished = true;
            }
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
