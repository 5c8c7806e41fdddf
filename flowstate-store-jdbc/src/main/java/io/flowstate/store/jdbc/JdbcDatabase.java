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

    JdbcDatabase(Transactions tx, Runnable onClose) {
        this.tx = requireNonNull(tx, "tx is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.executions = new JdbcExecutionStore(tx, onClose);
        this.registry = new JdbcRegistryStore(tx);
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

    @Override
    public void close() {
        tx.close();
        onClose.run();
    }
}
