package io.flowstate.store.jdbc;

import io.flowstate.engine.runtime.ExecutionSummary;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The summary columns a commit may change (stop date, output, error, cause) as the values to bind, computed
 * before the commit queues for the writer; the output is the text its {@code ExecutionSucceeded} event
 * carries already.
 */
record SummaryOutcome(Long stopNanos, String output, String error, String cause) {
    static SummaryOutcome of(ExecutionSummary s, PayloadTexts texts) {
        return new SummaryOutcome(s.stopDate().map(EpochNanos::of).orElse(null), s.output().map(texts::text).orElse(null),
                s.error().orElse(null), s.cause().orElse(null));
    }

    /** Binds the four columns from parameter {@code first} on. */
    void set(PreparedStatement ps, int first) throws SQLException {
        if (stopNanos != null) {
            ps.setLong(first, stopNanos);
        } else {
            ps.setNull(first, Types.BIGINT);
        }
        ps.setString(first + 1, output);
        ps.setString(first + 2, error);
        ps.setString(first + 3, cause);
    }
}
