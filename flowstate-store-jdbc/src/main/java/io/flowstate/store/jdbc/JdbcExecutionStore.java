package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.JournalEntry;
import io.flowstate.engine.runtime.StartRecord;
import io.flowstate.engine.runtime.TriggerJson;
import io.flowstate.engine.runtime.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link ExecutionStore} in a SQL database (SQLite or PostgreSQL, see {@link Dialect}); build one with
 * {@link JdbcStores}. Each {@link #commit} is one transaction: a conditional update of the execution row on
 * its last event id (the optimistic check), then the new events (one row) and the journal entry, so a crash
 * leaves either all of a decision or none of it.
 *
 * <p>Schema: see {@code db/migration/<dialect>/V1__executions.sql}; since V5 a commit's events are one row of
 * {@code event_batches} ({@link EventCodec#writeBatch}, as bytes since V6: {@link BatchBodies}), so a history page
 * may begin or end inside a row. The
 * summary columns fixed at start (name, type, start date, input) are written once by {@link #create}; commits
 * replace only the columns that change (status, stop date, output, error, cause, version).
 */
public final class JdbcExecutionStore implements ExecutionStore, AutoCloseable {
    private final Dialect dialect;
    private final Runnable onClose;
    private final Transactions tx;
    /**
     * The node this store commits for when several share the database ({@link PostgresCluster}), else null:
     * new executions are owned by it, and a commit to an execution another node owns is refused.
     */
    private volatile String owner;
    private final Definitions definitions = new Definitions();
    /** Row ids of the RUNNING executions this store created or committed (see {@link #commit}). */
    private final java.util.Map<String, Long> rowIds = new java.util.concurrent.ConcurrentHashMap<>();

    /** A store on {@code data}, whose schema is migrated already; {@code onClose} releases the data source. */
    public JdbcExecutionStore(DataSource data, Dialect dialect, Runnable onClose) {
        this(new Transactions(data, dialect), onClose);
    }

    /** A store sharing {@code tx} (its writer and group commits) with the other stores on the database. */
    JdbcExecutionStore(Transactions tx, Runnable onClose) {
        this.tx = requireNonNull(tx, "tx is null");
        this.dialect = tx.dialect();
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    /** Makes this store commit as node {@code nodeId} (see {@link #owner}); set before the first commit. */
    void ownAs(String nodeId) {
        this.owner = requireNonNull(nodeId, "nodeId is null");
    }

    /** The database this store writes to. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events) {
        // Everything that is not binding and stepping is done before queueing for the writer, so that callers
        // encode in parallel while the writer waits for an fsync.
        String definitionHash = definitions.hash(start.definition());
        boolean definitionKnown = definitions.isStored(definitionHash);
        String info = ExecutionInfoCodec.write(start.info());
        PayloadTexts texts = new PayloadTexts();
        SummaryOutcome outcome = SummaryOutcome.of(summary, texts);
        byte[] batch = BatchBodies.pack(EventCodec.writeBatch(events, texts));
        long createdId = tx.write(s -> {
            if (!definitionKnown) {
                PreparedStatement def = s.prepare("INSERT INTO definitions (hash, text) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING");
                def.setString(1, definitionHash);
                def.setString(2, start.definition());
                def.executeUpdate();
            }
            long id;
            PreparedStatement ins = s.prepare("INSERT INTO executions (execution_arn, state_machine_arn, "
                    + "name, type, status, start_ns, input_text, stop_ns, output, error, cause, last_event_id, "
                    + "journal_length, definition_hash, start_info, owner, version_arn, alias_arn) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (execution_arn) DO NOTHING RETURNING id");
            ins.setString(1, summary.executionArn());
            ins.setString(2, summary.stateMachineArn());
            ins.setString(3, summary.name());
            ins.setString(4, start.type());
            ins.setString(5, summary.status().name());
            ins.setLong(6, EpochNanos.of(summary.startDate()));
            ins.setString(7, summary.inputText());
            outcome.set(ins, 8);
            ins.setLong(12, summary.lastEventId());
            ins.setString(13, definitionHash);
            ins.setString(14, info);
            ins.setString(15, owner);
            ins.setString(16, start.info().stateMachineVersionArn().orElse(null));
            ins.setString(17, start.info().stateMachineAliasArn().orElse(null));
            try (ResultSet rs = ins.executeQuery()) {
                if (!rs.next()) {
                    return -1L;
                }
                id = rs.getLong(1);
            }
            insertEvents(s, id, events, batch);
            return id;
        });
        boolean created = createdId >= 0;
        if (created) {
            remember(summary, createdId);
        }
        // Only now is the definition durable; a rolled-back insert must not be taken as stored.
        definitions.stored(definitionHash);
        return created;
    }

    @Override
    public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger) {
        // While RUNNING only the version moves: leaving status out of the SET list spares the status indexes.
        // A redrive turns an ended execution RUNNING again, so it writes the status like an ending does.
        boolean versionOnly = summary.status() == ExecutionStatus.RUNNING && summary.stopDate().isEmpty()
                && summary.output().isEmpty() && summary.error().isEmpty() && summary.cause().isEmpty()
                && !(trigger.trigger() instanceof Trigger.Redrive);
        // The row's id, when this store created or last committed the execution: found by its primary key, the
        // row costs the writer no walk down the ARN index (a random page of it) per commit.
        Long rowId = rowIds.get(summary.executionArn());
        String key = rowId != null ? "WHERE id = ?" : "WHERE execution_arn = ?";
        String sql = versionOnly
                ? "UPDATE executions SET last_event_id = ?, journal_length = journal_length + 1 "
                        + key + " AND last_event_id = ? RETURNING id, journal_length"
                : "UPDATE executions SET last_event_id = ?, journal_length = journal_length + 1, status = ?, "
                        + "stop_ns = ?, output = ?, error = ?, cause = ?"
                        + (trigger.trigger() instanceof Trigger.Redrive ? ", redrive_count = redrive_count + 1 " : " ")
                        + key + " AND last_event_id = ? RETURNING id, journal_length";
        PayloadTexts texts = new PayloadTexts();
        SummaryOutcome outcome = SummaryOutcome.of(summary, texts);
        byte[] batch = BatchBodies.pack(EventCodec.writeBatch(events, texts));
        String triggerText = triggerText(trigger.trigger(), texts);
        long committedId = tx.write(s -> {
            long id;
            long seq;
            // Several nodes: only the owner appends; a redrive makes the redriving node the owner.
            String node = owner;
            boolean redrive = trigger.trigger() instanceof Trigger.Redrive;
            String statement = node == null ? sql : redrive ? sql.replace(" WHERE ", ", owner = ? WHERE ")
                    : sql.replace(" RETURNING ", " AND (owner IS NULL OR owner = ?) RETURNING ");
            PreparedStatement up = s.prepare(statement);
            int i = 1;
            up.setLong(i++, summary.lastEventId());
            if (!versionOnly) {
                up.setString(i++, summary.status().name());
                outcome.set(up, i);
                i += 4;
            }
            if (node != null && redrive) {
                up.setString(i++, node);
            }
            if (rowId != null) {
                up.setLong(i++, rowId);
            } else {
                up.setString(i++, summary.executionArn());
            }
            up.setLong(i++, expectedLastEventId);
            if (node != null && !redrive) {
                up.setString(i, node);
            }
            try (ResultSet rs = up.executeQuery()) {
                if (!rs.next()) {
                    throw conflict(s, summary.executionArn(), expectedLastEventId);
                }
                id = rs.getLong(1);
                seq = rs.getLong(2);
            }
            insertEvents(s, id, events, batch);
            PreparedStatement j = s.prepare("INSERT INTO journal (execution_id, seq, last_event_id_before, "
                    + "at_ns, trigger_json) VALUES (?, ?, ?, ?, ?)");
            j.setLong(1, id);
            j.setLong(2, seq);
            j.setLong(3, trigger.lastEventIdBefore());
            j.setLong(4, EpochNanos.of(trigger.at()));
            j.setString(5, triggerText);
            j.executeUpdate();
            return id;
        });
        remember(summary, committedId);
    }

    /** Keeps the row id of a RUNNING execution for its next commits; forgets an ended one. */
    private void remember(ExecutionSummary summary, long id) {
        if (summary.status() == ExecutionStatus.RUNNING) {
            rowIds.put(summary.executionArn(), id);
        } else {
            rowIds.remove(summary.executionArn());
        }
    }

    /** Why the conditional update matched no row: another commit won, or there is no such execution. */
    private static RuntimeException conflict(Statements s, String arn, long expected) throws SQLException {
        PreparedStatement q = s.prepare("SELECT last_event_id FROM executions WHERE execution_arn = ?");
        q.setString(1, arn);
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                return new IllegalArgumentException("no execution " + arn);
            }
            return new VersionConflictException(arn, expected, rs.getLong(1));
        }
    }

    /** The journal's JSON of {@code t}; a task's result is the text its events carry already. */
    private static String triggerText(Trigger t, PayloadTexts texts) {
        com.fasterxml.jackson.databind.node.ObjectNode n = TriggerJson.write(t);
        if (t instanceof Trigger.TaskSucceeded succeeded) {
            n.putRawValue("output", texts.raw(succeeded.output()));
        }
        return Json.write(n);
    }

    /** Writes a commit's events as one row of {@code event_batches} (see {@link EventCodec#writeBatch}). */
    private static void insertEvents(Statements s, long id, List<HistoryEvent> events, byte[] batch) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        PreparedStatement ps = s.prepare("INSERT INTO event_batches (execution_id, last_event_id, first_event_id, body) "
                + "VALUES (?, ?, ?, ?)");
        ps.setLong(1, id);
        ps.setLong(2, events.getLast().id());
        ps.setLong(3, events.getFirst().id());
        ps.setBytes(4, batch);
        ps.executeUpdate();
    }

    @Override
    public Optional<StartRecord> start(String executionArn) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.text, e.type, e.start_info, e.name, "
                    + "e.state_machine_arn, e.input_text FROM executions e "
                    + "JOIN definitions d ON d.hash = e.definition_hash WHERE e.execution_arn = ?")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StartRecord(rs.getString(1), rs.getString(2), ExecutionInfoCodec.read(
                                    rs.getString(3), executionArn, rs.getString(4), rs.getString(5), rs.getString(6))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<JournalEntry> journal(String executionArn) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT j.last_event_id_before, j.at_ns, j.trigger_json "
                    + "FROM journal j JOIN executions e ON e.id = j.execution_id WHERE e.execution_arn = ? ORDER BY j.seq")) {
                ps.setString(1, executionArn);
                List<JournalEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JournalEntry(rs.getLong(1), EpochNanos.instant(rs.getLong(2)),
                                TriggerJson.read(parse(rs.getString(3)))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<ExecutionSummary> find(String executionArn) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SummaryReads.COLUMNS + " FROM executions WHERE execution_arn = ?")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(SummaryReads.summary(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
        return tx.read(c -> {
            // Batches are read in order until max events are taken; the first may hold events up to afterEventId.
            try (PreparedStatement ps = c.prepareStatement("SELECT v.body FROM event_batches v JOIN executions e "
                    + "ON e.id = v.execution_id WHERE e.execution_arn = ? AND v.last_event_id > ? ORDER BY v.last_event_id")) {
                ps.setString(1, executionArn);
                ps.setLong(2, afterEventId);
                // Small: a page rarely needs more than its first batches, and rows are fetched as it goes.
                ps.setFetchSize(8);
                List<HistoryEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (out.size() < max && rs.next()) {
                        out.addAll(EventCodec.readBatch(BatchBodies.unpack(rs.getBytes(1)), afterEventId, max - out.size()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public ExecutionPage list(ExecutionQuery query) {
        return tx.read(c -> SummaryReads.page(c, query));
    }

    @Override
    public List<String> deleteClosedBefore(java.time.Instant cutoff, int max) {
        return tx.write(s -> {
            List<Long> ids = new ArrayList<>();
            List<String> arns = new ArrayList<>();
            PreparedStatement ps = s.prepare("SELECT id, execution_arn FROM executions "
                    + "WHERE stop_ns IS NOT NULL AND stop_ns < ? ORDER BY stop_ns LIMIT ?");
            ps.setLong(1, EpochNanos.of(cutoff));
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    arns.add(rs.getString(2));
                }
            }
            for (String sql : List.of("DELETE FROM event_batches WHERE execution_id = ?", "DELETE FROM journal WHERE execution_id = ?",
                    "DELETE FROM executions WHERE id = ?")) {
                PreparedStatement del = s.prepare(sql);
                for (long id : ids) {
                    del.setLong(1, id);
                    del.addBatch();
                }
                del.executeBatch();
            }
            return arns;
        });
    }

    @Override
    public List<String> running() {
        return tx.read(c -> {
            // The literal, not a parameter: only then may the planner use the partial index executions_running.
            try (PreparedStatement ps = c.prepareStatement("SELECT execution_arn FROM executions WHERE status = 'RUNNING' "
                    + "ORDER BY start_ns, id")) {
                return Rows.texts(ps);
            }
        });
    }

    @Override
    public void close() {
        tx.close();
        onClose.run();
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + text, e);
        }
    }
}
