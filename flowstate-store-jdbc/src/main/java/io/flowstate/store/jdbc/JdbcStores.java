package io.flowstate.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens durable databases ({@link JdbcDatabase}: executions and registry) or their execution stores alone,
 * migrating the schema first (Flyway, one script set per dialect).
 */
public final class JdbcStores {
    private JdbcStores() {}

    /** A SQLite store in {@code file} (created with its directory when missing), WAL, {@code synchronous=FULL}. */
    public static JdbcExecutionStore sqlite(Path file) {
        return sqlite(file, Durability.POWER);
    }

    /** A SQLite store in {@code file} with the given durability; closing it closes its database. */
    public static JdbcExecutionStore sqlite(Path file, Durability durability) {
        return sqliteDatabase(file, durability).executions();
    }

    /** The SQLite database in {@code file} (created with its directory when missing), WAL, {@code synchronous=FULL}. */
    public static JdbcDatabase sqliteDatabase(Path file) {
        return sqliteDatabase(file, Durability.POWER);
    }

    /**
     * The SQLite database in {@code file} with the given durability: {@code synchronous=FULL} (an fsync per
     * group of commits) for {@link Durability#POWER}, {@code NORMAL} (the WAL written, synced at checkpoints)
     * for {@link Durability#PROCESS}.
     */
    public static JdbcDatabase sqliteDatabase(Path file, Durability durability) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(durability == Durability.POWER ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL);
        // Writers are serialised in the JVM; the timeout covers another process (a CLI) holding the lock briefly.
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // The store reads keys with RETURNING; the driver's own generated-keys query after every insert and
        // update is a wasted statement per row written.
        config.setGetGeneratedKeys(false);
        // A statement journal or a RETURNING clause's results would otherwise go to a temporary file now and then
        // (created, written and unlinked by the writer between two commits).
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // 16 MiB of page cache per connection instead of SQLite's 2 MiB: the execution ARN index takes random
        // pages, which the writer otherwise reads back from the file about six times a commit. Memory is taken
        // only as pages are read.
        config.setCacheSize(-16 * 1024);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("flowstate-sqlite");
        // One connection is the writer's for good (see Transactions); the others serve reads.
        pool.setMaximumPoolSize(5);
        return open(new HikariDataSource(pool), Dialect.SQLITE);
    }

    /** A PostgreSQL store at {@code jdbcUrl} ({@code jdbc:postgresql://host/db}); closing it closes its database. */
    public static JdbcExecutionStore postgres(String jdbcUrl, String user, String password) {
        return postgresDatabase(jdbcUrl, user, password).executions();
    }

    /** The PostgreSQL database at {@code jdbcUrl} ({@code jdbc:postgresql://host/db}), {@link Durability#POWER}. */
    public static JdbcDatabase postgresDatabase(String jdbcUrl, String user, String password) {
        return postgresDatabase(jdbcUrl, user, password, Durability.POWER);
    }

    /**
     * The PostgreSQL database at {@code jdbcUrl}; {@link Durability#PROCESS} turns {@code synchronous_commit}
     * off for Flowstate's sessions only (the server's WAL writer flushes them within {@code wal_writer_delay}).
     */
    public static JdbcDatabase postgresDatabase(String jdbcUrl, String user, String password, Durability durability) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName("flowstate-postgres");
        pool.setMaximumPoolSize(16);
        pool.setMinimumIdle(2);
        // One round trip for a decision's events instead of one per event.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (durability == Durability.PROCESS) {
            pool.setConnectionInitSql("SET synchronous_commit = off");
        }
        return open(new HikariDataSource(pool), Dialect.POSTGRESQL);
    }

    /** A database on a data source someone else owns and closes (its schema is migrated here). */
    public static JdbcDatabase on(DataSource data, Dialect dialect) {
        return open(data, dialect, () -> { });
    }

    private static JdbcDatabase open(HikariDataSource data, Dialect dialect) {
        try {
            return open(data, dialect, data::close);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    private static JdbcDatabase open(DataSource data, Dialect dialect, Runnable onClose) {
        Migrations.migrate(data, dialect);
        return new JdbcDatabase(new Transactions(data, dialect), onClose);
    }
}
