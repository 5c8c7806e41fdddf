package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, by SQL text. A write uses {@link #prepare} and never closes what it
 * gets: on SQLite's long-lived writer connection the statements stay prepared from one commit to the next
 * (parsing and planning each statement again was a tenth of a commit's native time); elsewhere they are closed
 * with this object at the end of the transaction.
 *
 * <p>Not thread-safe: used by one transaction at a time. A statement is reused only after its previous use
 * ended (its result set closed, its batch executed), which holds because a write runs its statements one after
 * another.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The connection, for what is not a prepared statement (savepoints, commit). */
    Connection connection() {
        return connection;
    }

    /** The statement for {@code sql}, prepared on first use; owned by this object, so callers do not close it. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    /** Closes every statement (not the connection). */
    @Override
    public void close() {
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // Closing a statement frees native memory only; a failure here leaves nothing to undo.
            }
        }
        prepared.clear();
    }
}
