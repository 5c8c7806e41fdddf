package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads that must stay one index range whatever the number of executions (ListExecutions pages, recovery's
 * RUNNING list) use the indexes meant for them: SQLite picks plans silently, and a dropped or mismatched index
 * (a parameter where a partial index needs a literal) turns a page into a scan of every row.
 */
class SqliteQueryPlansTest {
    @TempDir
    Path dir;

    private JdbcDatabase db;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        db = JdbcStores.sqliteDatabase(dir.resolve("flowstate.db"));
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("flowstate.db"));
        c = ds.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        db.close();
    }

    private String plan(String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.append(rs.getString("detail")).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void history_afterAnEvent_isOneIndexRangeOfTheExecutionsBatchesInOrder() throws SQLException {
        String plan = plan("SELECT v.body FROM event_batches v JOIN executions e ON e.id = v.execution_id "
                + "WHERE e.execution_arn = 'a' AND v.last_event_id > 5 ORDER BY v.last_event_id");

        assertThat(plan).contains("USING INDEX sqlite_autoindex_event_batches_1 (execution_id=? AND last_event_id>?)")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void journal_ofAnExecution_isOneIndexRangeInOrder() throws SQLException {
        String plan = plan("SELECT j.seq, j.trigger_json FROM journal j JOIN executions e ON e.id = j.execution_id "
                + "WHERE e.execution_arn = 'a' ORDER BY j.seq");

        assertThat(plan).contains("USING INDEX sqlite_autoindex_journal_1 (execution_id=?)").doesNotContain("TEMP B-TREE");
    }

    @Test
    void listExecutions_byMachine_isOneIndexRangeInOrder() throws SQLException {
        String plan = plan("SELECT " + SummaryReads.COLUMNS + " FROM executions WHERE state_machine_arn = 'm' AND start_ns <= 5 AND (start_ns < 5 OR id < 9) "
                + "ORDER BY start_ns DESC, id DESC LIMIT 101");

        assertThat(plan).contains("USING INDEX executions_by_machine (").doesNotContain("TEMP B-TREE");
    }

    @Test
    void listExecutions_byMachineAndStatus_isOneIndexRangeInOrder() throws SQLException {
        String plan = plan("SELECT " + SummaryReads.COLUMNS + " FROM executions WHERE state_machine_arn = 'm' AND status = 'FAILED' "
                + "ORDER BY start_ns DESC, id DESC LIMIT 101");

        assertThat(plan).contains("USING INDEX executions_by_machine_status (").doesNotContain("TEMP B-TREE");
    }

    @Test
    void listExecutions_byVersionAliasOrRedriven_usesTheirPartialIndexesInOrder() throws SQLException {
        String columns = "SELECT " + SummaryReads.COLUMNS + " FROM executions WHERE state_machine_arn = 'm' AND ";
        String order = " ORDER BY start_ns DESC, id DESC LIMIT 101";

        assertThat(plan(columns + "version_arn = 'm:1'" + order)).contains("USING INDEX executions_by_version (")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(columns + "alias_arn = 'm:prod'" + order)).contains("USING INDEX executions_by_alias (")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(columns + "redrive_count > 0" + order)).contains("USING INDEX executions_redriven (")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void running_usesThePartialIndexInOrder() throws SQLException {
        String plan = plan("SELECT execution_arn FROM executions WHERE status = 'RUNNING' ORDER BY start_ns, id");

        assertThat(plan).contains("USING INDEX executions_running").doesNotContain("TEMP B-TREE");
    }

    @Test
    void retention_usesTheStopIndex() throws SQLException {
        String plan = plan("SELECT id, execution_arn FROM executions WHERE stop_ns IS NOT NULL AND stop_ns < 5 "
                + "ORDER BY stop_ns LIMIT 100");

        assertThat(plan).contains("USING INDEX executions_by_stop").doesNotContain("TEMP B-TREE");
    }
}
