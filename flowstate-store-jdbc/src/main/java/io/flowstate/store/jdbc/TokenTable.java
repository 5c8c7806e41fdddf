package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.runtime.TaskRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;

/**
 * Task tokens in the {@code task_tokens} table: which execution and task each one completes, so that a
 * SendTaskSuccess reaching any node finds the execution. Tokens stay AWS-shaped (the interpreter draws them
 * from the execution's seeded random source, so a replay issues the same one): the row, not the token's
 * text, routes it. The owner writes the row before it hands the task out; rows go with their execution
 * when retention deletes it.
 */
final class TokenTable {
    private final Transactions tx;

    TokenTable(Transactions tx) {
        this.tx = requireNonNull(tx, "tx is null");
    }

    void put(String token, TaskRef ref) {
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_tokens (token, execution_arn, task_id) "
                    + "VALUES (?, ?, ?) ON CONFLICT (token) DO NOTHING")) {
                ps.setString(1, token);
                ps.setString(2, ref.executionArn());
                ps.setLong(3, ref.taskId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<TaskRef> get(String token) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT execution_arn, task_id FROM task_tokens WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new TaskRef(rs.getString(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    void forget(Collection<String> executionArns) {
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM task_tokens WHERE execution_arn = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("text", executionArns.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
