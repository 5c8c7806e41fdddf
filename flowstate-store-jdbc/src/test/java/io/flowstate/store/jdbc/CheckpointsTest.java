package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class CheckpointsTest {
    @TempDir
    Path dir;

    private SQLiteDataSource database() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dir.resolve("c.db"));
        return ds;
    }

    /** (log frames, checkpointed frames) of the WAL, from a PASSIVE checkpoint that copies nothing new. */
    private static long[] wal(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return new long[] {rs.getLong(2), rs.getLong(3)};
        }
    }

    @Test
    void committed_manyCommits_theThreadCheckpointsTheWalWhileTheWriterDoesNot() throws Exception {
        SQLiteDataSource ds = database();
        try (Connection writer = ds.getConnection(); Checkpoints checkpoints = new Checkpoints(ds)) {
            Checkpoints.configureWriter(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            }
            writer.setAutoCommit(false);
            for (int i = 0; i < Checkpoints.COMMITS; i++) {
                try (Statement s = writer.createStatement()) {
                    s.execute("INSERT INTO t (v) VALUES (printf('%.3000c', 'x'))");
                }
                writer.commit();
                checkpoints.committed();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (checkpoints.runs == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            assertThat(checkpoints.runs).isPositive();
            assertThat(checkpoints.failures).isZero();
            try (Connection other = ds.getConnection()) {
                long[] wal = wal(other);
                // Every frame the writer wrote is in the database file: the thread checkpointed all of them.
                assertThat(wal[0]).isGreaterThanOrEqualTo(Checkpoints.COMMITS);
                assertThat(wal[1]).isEqualTo(wal[0]);
            }
        }
    }

    @Test
    void configureWriter_connection_setsTheFallbackBound() throws Exception {
        try (Connection writer = database().getConnection()) {
            Checkpoints.configureWriter(writer);
            try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_autocheckpoint")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Checkpoints.WRITER_FALLBACK_PAGES);
            }
        }
    }

    @Test
    void close_idleThread_stopsIt() {
        Checkpoints checkpoints = new Checkpoints(database());
        assertThat(checkpoints.running()).isTrue();

        checkpoints.close();

        assertThat(checkpoints.running()).isFalse();
    }
}
