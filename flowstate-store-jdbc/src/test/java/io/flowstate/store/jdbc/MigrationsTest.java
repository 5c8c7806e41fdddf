package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void latest_everyDialect_isTheHighestScriptVersion() throws IOException, URISyntaxException {
        for (Dialect d : Dialect.values()) {
            Path scripts = Path.of(getClass().getResource("/" + d.migrations().substring("classpath:".length())).toURI());
            try (Stream<Path> files = Files.list(scripts)) {
                List<Integer> versions = files.map(f -> f.getFileName().toString())
                        .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
                assertThat(versions).as(d.name()).last().isEqualTo(Migrations.LATEST);
            }
        }
    }

    @Test
    void open_newThenExistingDatabase_recordsLatestVersion() {
        Path file = dir.resolve("m.db");
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.registry().list("any")).isEmpty();
        }
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            db.registry().put("k", "a", "1");
            assertThat(db.registry().get("k", "a")).contains("1");
        }
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(Migrations.LATEST);
    }

    /** A SQLite database migrated up to {@code version} only, holding one RUNNING execution (id 7) with {@code events}. */
    private org.sqlite.SQLiteDataSource oldDatabase(Path file, String version, long events) throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations(Dialect.SQLITE.migrations()).target(version).load().migrate();
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO definitions (hash, text) VALUES ('h', '{}')");
            st.executeUpdate("INSERT INTO executions (id, execution_arn, state_machine_arn, name, type, status, start_ns, "
                    + "input_text, last_event_id, journal_length, definition_hash, start_info) "
                    + "VALUES (7, 'arn:e:old', 'arn:sm', 'old', 'STANDARD', 'RUNNING', 1, '{}', " + events + ", 0, 'h', '{}')");
        }
        return ds;
    }

    private static List<io.flowstate.engine.history.HistoryEvent> events(int count) {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00.123456789Z");
        return java.util.stream.LongStream.rangeClosed(1, count)
                .mapToObj(i -> new io.flowstate.engine.history.HistoryEvent(i, i - 1, t0,
                        io.flowstate.engine.history.EventType.PASS_STATE_ENTERED, io.flowstate.engine.history.EventDetails.NONE))
                .toList();
    }

    private static void execute(javax.sql.DataSource ds, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** V5 moved events into one row per commit: a database written before it keeps its histories. */
    @Test
    void open_v4DatabaseWithEvents_readsTheSameHistory() throws java.sql.SQLException {
        Path file = dir.resolve("v4.db");
        List<io.flowstate.engine.history.HistoryEvent> events = events(3);
        org.sqlite.SQLiteDataSource ds = oldDatabase(file, "4", events.size());
        for (io.flowstate.engine.history.HistoryEvent e : events) {
            execute(ds, "INSERT INTO events (execution_id, event_id, body) VALUES (7, " + e.id() + ", '" + EventCodec.write(e) + "')");
        }

        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.executions().history("arn:e:old", 0, 10)).isEqualTo(events);
            assertThat(db.executions().history("arn:e:old", 1, 1)).containsExactly(events.get(1));
        }
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(Migrations.LATEST);
    }

    /** V6 made batches bytes, deflated from then on: a batch written as text before it reads the same. */
    @Test
    void open_v5DatabaseWithTextBatches_readsTheSameHistory() throws java.sql.SQLException {
        Path file = dir.resolve("v5.db");
        List<io.flowstate.engine.history.HistoryEvent> events = events(40);
        org.sqlite.SQLiteDataSource ds = oldDatabase(file, "5", events.size());
        execute(ds, "INSERT INTO event_batches (execution_id, last_event_id, first_event_id, body) VALUES (7, 40, 1, '"
                + EventCodec.writeBatch(events, new PayloadTexts()) + "')");

        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.executions().history("arn:e:old", 0, 100)).isEqualTo(events);
            assertThat(db.executions().history("arn:e:old", 38, 1)).containsExactly(events.get(38));
        }
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(Migrations.LATEST);
    }

    /**
     * V9 moved batches into a rowid table: a batch written before it (zlib-deflated, as V6 to V8 wrote long ones)
     * reads the same.
     */
    @Test
    void open_v8DatabaseWithDeflatedBatches_readsTheSameHistory() throws Exception {
        Path file = dir.resolve("v8.db");
        List<io.flowstate.engine.history.HistoryEvent> events = events(40);
        org.sqlite.SQLiteDataSource ds = oldDatabase(file, "8", 40);
        byte[] text = EventCodec.writeBatch(events, new PayloadTexts())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        d.setInput(text);
        d.finish();
        byte[] deflated = new byte[text.length];
        int n = d.deflate(deflated);
        d.end();
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event_batches (execution_id, last_event_id, first_event_id, body) VALUES (7, ?, ?, ?)")) {
            ps.setLong(1, 40);
            ps.setLong(2, 1);
            ps.setBytes(3, java.util.Arrays.copyOf(deflated, n));
            ps.executeUpdate();
        }

        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.executions().history("arn:e:old", 0, 100)).isEqualTo(events);
            assertThat(db.executions().history("arn:e:old", 38, 1)).containsExactly(events.get(38));
        }
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(Migrations.LATEST);
    }

    /** V8 made the version, alias and redrive count columns: filled from what older rows and journals hold. */
    @Test
    void open_v7DatabaseWithVersionAndRedrive_listsThemByTheNewFilters() throws java.sql.SQLException {
        Path file = dir.resolve("v7.db");
        org.sqlite.SQLiteDataSource ds = oldDatabase(file, "7", 1);
        execute(ds, "UPDATE executions SET start_info = '{\"stateMachineName\":\"sm\",\"stateMachineVersionArn\":\"arn:sm:3\"}'");
        execute(ds, "INSERT INTO journal (execution_id, seq, last_event_id_before, at_ns, trigger_json) "
                + "VALUES (7, 1, 1, 1, '{\"type\":\"Redrive\"}')");
        java.util.Optional<String> none = java.util.Optional.empty();

        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.executions().list(new io.flowstate.engine.runtime.ExecutionQuery(java.util.Optional.of("arn:sm"),
                    java.util.Optional.<io.flowstate.engine.interp.ExecutionStatus>empty(), java.util.Optional.of("arn:sm:3"), none,
                    java.util.Optional.of(true), none, 10)).executions())
                    .extracting(io.flowstate.engine.runtime.ExecutionSummary::executionArn).containsExactly("arn:e:old");
            assertThat(db.executions().list(new io.flowstate.engine.runtime.ExecutionQuery(java.util.Optional.of("arn:sm"),
                    java.util.Optional.<io.flowstate.engine.interp.ExecutionStatus>empty(), none, none,
                    java.util.Optional.of(false), none, 10)).executions()).isEmpty();
        }
    }

    @Test
    void recordedVersion_emptyDatabase_isMinusOne() {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(-1);
    }
}
