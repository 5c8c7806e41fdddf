package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * SQLite's WAL checkpoints, run by a thread of their own instead of by the writer. Left to SQLite, the commit that
 * takes the WAL over 1,000 pages copies them into the database file and syncs it before it returns, so every
 * few dozen group commits one stalls for milliseconds while callers wait on it (most of the writer's time on disk
 * in a durable pass-chain benchmark). Here the writer only counts its commits; every {@value #COMMITS} commits
 * (or {@value #IDLE_MILLIS} ms after the last unchecked one) this thread runs a {@code PASSIVE} checkpoint on a
 * connection of its own, which copies what no reader still needs while the writer goes on committing. What a
 * commit promises is unchanged: it is in the WAL, synced as the durability mode says, before it returns.
 *
 * <p>The writer's own automatic checkpoint is kept as a bound, at {@value #WRITER_FALLBACK_PAGES} pages: should
 * this thread fall behind or fail, the WAL still does not grow without limit.
 */
final class Checkpoints implements AutoCloseable {
    static final int COMMITS = 48;
    static final long IDLE_MILLIS = 200;
    static final int WRITER_FALLBACK_PAGES = 10_000;

    private final DataSource data;
    private final AtomicInteger unchecked = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopping;
    private Connection connection;
    /** Checkpoints run, and how many failed (read by tests and measurements). */
    volatile long runs;
    volatile long failures;

    Checkpoints(DataSource data) {
        this.data = requireNonNull(data, "data is null");
        this.thread = Thread.ofPlatform().name("flowstate-sqlite-checkpoints").daemon().start(this::run);
    }

    /** The writer committed a group; wakes the thread once enough have. */
    void committed() {
        if (unchecked.incrementAndGet() == COMMITS) {
            LockSupport.unpark(thread);
        }
    }

    /** Sets the writer's automatic checkpoint to the fallback bound (on each writer connection opened). */
    static void configureWriter(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=" + WRITER_FALLBACK_PAGES);
        }
    }

    private void run() {
        while (!stopping) {
            if (unchecked.get() < COMMITS) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
            }
            if (stopping) {
                break;
            }
            if (unchecked.getAndSet(0) > 0) {
                checkpoint();
            }
        }
        closeConnection();
    }

    private void checkpoint() {
        try {
            if (connection == null) {
                connection = data.getConnection();
            }
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                rs.next();
            }
            runs++;
        } catch (SQLException | RuntimeException e) {
            // The writer's fallback checkpoint still bounds the WAL; a new connection is tried next time.
            failures++;
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Given up either way.
            }
            connection = null;
        }
    }

    /** Whether the thread still runs (until {@link #close}). */
    boolean running() {
        return thread.isAlive();
    }

    /** Stops the thread (after a checkpoint in progress) and gives its connection back. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
