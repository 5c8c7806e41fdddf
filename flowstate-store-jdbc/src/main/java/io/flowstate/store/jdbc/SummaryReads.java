package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.InvalidTokenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading execution summaries from the {@code executions} table: one row, or a ListExecutions page. */
final class SummaryReads {
    /** The columns {@link #summary} reads, in its order. */
    static final String COLUMNS = "id, execution_arn, state_machine_arn, name, type, status, start_ns, "
            + "stop_ns, input_text, output, error, cause, last_event_id";

    private SummaryReads() {}

    /** One page of ListExecutions, newest first, keyed by (start date, row id) so that a page costs one index range. */
    static ExecutionPage page(Connection c, ExecutionQuery query) throws SQLException {
        Optional<PageToken> after = query.nextToken().map(PageToken::parse);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM executions WHERE 1 = 1");
        query.stateMachineArn().ifPresent(m -> sql.append(" AND state_machine_arn = ?"));
        query.status().ifPresent(s -> sql.append(" AND status = ?"));
        query.versionArn().ifPresent(v -> sql.append(" AND version_arn = ?"));
        query.aliasArn().ifPresent(a -> sql.append(" AND alias_arn = ?"));
        // Literals, not parameters: only then may the planner use the partial index executions_redriven.
        query.redriven().ifPresent(r -> sql.append(r ? " AND redrive_count > 0" : " AND redrive_count = 0"));
        // The first conjunct bounds the index range; the second skips the ties already returned.
        after.ifPresent(t -> sql.append(" AND start_ns <= ? AND (start_ns < ? OR id < ?)"));
        sql.append(" ORDER BY start_ns DESC, id DESC LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (query.stateMachineArn().isPresent()) {
                ps.setString(i++, query.stateMachineArn().get());
            }
            if (query.status().isPresent()) {
                ps.setString(i++, query.status().get().name());
            }
            if (query.versionArn().isPresent()) {
                ps.setString(i++, query.versionArn().get());
            }
            if (query.aliasArn().isPresent()) {
                ps.setString(i++, query.aliasArn().get());
            }
            if (after.isPresent()) {
                ps.setLong(i++, after.get().startNanos());
                ps.setLong(i++, after.get().startNanos());
                ps.setLong(i++, after.get().id());
            }
            ps.setInt(i, query.maxResults() + 1);
            List<ExecutionSummary> out = new ArrayList<>();
            List<String> positions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (out.size() < query.maxResults() && rs.next()) {
                    out.add(summary(rs));
                    positions.add(new PageToken(rs.getLong(7), rs.getLong(1)).text());
                }
                boolean more = out.size() == query.maxResults() && rs.next();
                return new ExecutionPage(out, positions, more ? Optional.of(positions.getLast()) : Optional.empty());
            }
        }
    }

    /** The position right after one summary of a page: its start date and row id, as opaque text. */
    private record PageToken(long startNanos, long id) {
        String text() {
            return "v1." + startNanos + "." + id;
        }

        static PageToken parse(String token) {
            String[] parts = token.split("\\.");
            try {
                if (parts.length == 3 && parts[0].equals("v1")) {
                    return new PageToken(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidTokenException(token);
        }
    }

    /** The summary of the row {@code rs} is on, selected with {@link #COLUMNS}. */
    static ExecutionSummary summary(ResultSet rs) throws SQLException {
        long stop = rs.getLong(8);
        Optional<java.time.Instant> stopDate = rs.wasNull() ? Optional.empty() : Optional.of(EpochNanos.instant(stop));
        String output = rs.getString(10);
        return new ExecutionSummary(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ExecutionStatus.valueOf(rs.getString(6)), EpochNanos.instant(rs.getLong(7)), stopDate, rs.getString(9),
                output == null ? Optional.empty() : Optional.of(parse(output)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getString(12)), rs.getLong(13));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + text, e);
        }
    }
}
