package io.flowstate.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema to {@link #LATEST} with Flyway, one script set per {@link Dialect}
 * ({@code db/migration/<dialect>/V<n>__*.sql}).
 *
 * <p>Flyway is only started when there is something to migrate: loading and running it costs most of a
 * second, measured on the server's startup (about half of "ready in" on SQLite), while reading the version
 * it recorded costs one query. A database Flyway never saw, or one at an older version, goes through Flyway.
 */
final class Migrations {
    /** The highest migration version shipped (the same for every dialect); a test checks the scripts agree. */
    static final int LATEST = 10;

    private Migrations() {}

    static void migrate(DataSource data, Dialect dialect) {
        if (recordedVersion(data) == LATEST) {
            return;
        }
        Flyway.configure().dataSource(data).locations(dialect.migrations()).load().migrate();
    }

    /** The highest version Flyway recorded as applied; -1 when it has recorded none. */
    static int recordedVersion(DataSource data) {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            if (rs.next()) {
                int v = rs.getInt(1);
                return rs.wasNull() ? -1 : v;
            }
            return -1;
        } catch (SQLException e) {
            return -1; // no history table yet: a new database
        }
    }
}
