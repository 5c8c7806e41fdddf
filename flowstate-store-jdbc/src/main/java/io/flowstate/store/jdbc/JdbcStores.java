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

    /**
     * How SQLite syncs the write-ahead log. {@link #FULL} (the default) fsyncs at every commit, so a commit
     * survives a power loss or an OS crash, not only a crash of the process; that is what "a commit is durable
     * before anything it caused becomes visible" needs, since a task may be invoked right after the commit.
     * {@link #NORMAL} syncs only at checkpoints: it survives {@code kill -9} but may lose the last commits on
     * power loss, so a client could see an execution succeed that later shows RUNNING again.
     */
    public enum Synchronous { FULL, NORMAL }

    /** A SQLite store in {@code file} (created with its directory when missing), WAL, {@code synchronous=FULL}. */
    public static JdbcExecutionStore sqlite(Path file) {
        return sqlite(file, Synchronous.FULL);
    }

    /** A SQLite store in {@code file} with the given sync mode; closing it closes its database. */
    public static JdbcExecutionStore sqlite(Path file, Synchronous synchronous) {
        return sqliteDatabase(file, synchronous).executions();
    }

    /** The SQLite database in {@code file} (created with its directory when missing), WAL, {@code synchronous=FULL}. */
    public static JdbcDatabase sqliteDatabase(Path file) {
        return sqliteDatabase(file, Synchronous.FULL);
    }

    /** The SQLite database in {@code file} with the given sync mode. */
    public static JdbcDatabase sqliteDatabase(Path file, Synchronous synchronous) {
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
        config.setSynchronous(synchronous == Synchronous.FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
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

    /** The PostgreSQL database at {@code jdbcUrl} ({@code jdbc:postgresql://host/db}). */
    public static JdbcDatabase postgresDatabase(String jdbcUrl, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName("flowstate-postgres");
        pool.setMaximumPoolSize(16);
        pool.setMinimumIdle(2);
        // One round trip for a decision's events instead of one per event.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
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
