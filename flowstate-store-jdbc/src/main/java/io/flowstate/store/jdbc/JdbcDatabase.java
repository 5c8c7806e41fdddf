package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * One durable database (a SQLite file or a PostgreSQL database) and the stores on it: the executions and the
 * registry. They share one connection pool and, on SQLite, one writer, so a server's registry changes and its
 * executions' commits group into the same fsyncs. Open one with {@link JdbcStores}; closing it closes both
 * stores and the pool.
 */
public final class JdbcDatabase implements AutoCloseable {
    private final JdbcExecutionStore executions;
    private final JdbcRegistryStore registry;
    private final Transactions tx;
    private final Runnable onClose;
    private PostgresCluster cluster;

    JdbcDatabase(Transactions tx, Runnable onClose) {
        this.tx = requireNonNull(tx, "tx is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.executions = new JdbcExecutionStore(tx, onClose);
        this.registry = new JdbcRegistryStore(tx);
    }

    /** The group commits of the single writer (SQLite; PostgreSQL's commits are not grouped here and not counted). */
    public CommitStats commitStats() {
        return tx.stats;
    }

    /** The Standard executions: summaries, histories, journals. */
    public JdbcExecutionStore executions() {
        return executions;
    }

    /** The documents the API server registers (state machines, activities, tags, execution metadata). */
    public JdbcRegistryStore registry() {
        return registry;
    }

    /** Which database this is. */
    public Dialect dialect() {
        return executions.dialect();
    }

    /**
     * Makes this process node {@code nodeId} of the Flowstate nodes sharing this PostgreSQL database (see
     * {@link PostgresCluster}): from now on its executions are owned by {@code nodeId}, which holds them while
     * it renews its lease (every third of {@code lease}, on {@code clock}). Hand the cluster to the engine, which
     * closes it; once per database.
     *
     * @throws IllegalStateException on SQLite (one process only) or when called twice
     */
    public synchronized PostgresCluster cluster(String nodeId, java.time.Duration lease, java.time.InstantSource clock) {
        if (dialect() != Dialect.POSTGRESQL) {
            throw new IllegalStateException("several nodes need PostgreSQL; " + dialect() + " serves one process");
        }
        if (cluster != null) {
            throw new IllegalStateException("this database has a cluster node already: " + cluster.nodeId());
        }
        cluster = new PostgresCluster(tx, executions, nodeId, lease, clock);
        return cluster;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (cluster != null) {
                cluster.close();
            }
        }
        tx.close();
        onClose.run();
    }
}
