package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryEntry;
import io.flowstate.engine.runtime.RegistryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RegistryStore} in the {@code registry} table of the executions' database (see
 * {@code V2__registry.sql}); get one from {@link JdbcDatabase#registry()}. Writes go through the database's
 * shared writer, so on SQLite they join the executions' group commits.
 */
public final class JdbcRegistryStore implements RegistryStore {
    private final Transactions tx;

    JdbcRegistryStore(Transactions tx) {
        this.tx = requireNonNull(tx, "tx is null");
    }

    @Override
    public void apply(List<RegistryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        tx.write(s -> {
            PreparedStatement put = s.prepare("INSERT INTO registry (kind, key, body) VALUES (?, ?, ?) "
                    + "ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body");
            PreparedStatement delete = s.prepare("DELETE FROM registry WHERE kind = ? AND key = ?");
            // One statement per change, in order: a later change to the same key must see the earlier one.
            for (RegistryChange change : changes) {
                switch (change) {
                    case RegistryChange.Put p -> {
                        put.setString(1, p.kind());
                        put.setString(2, p.key());
                        put.setString(3, p.body());
                        put.executeUpdate();
                    }
                    case RegistryChange.Delete d -> {
                        delete.setString(1, d.kind());
                        delete.setString(2, d.key());
                        delete.executeUpdate();
                    }
                }
            }
            // Other nodes cache the registry: tell them what changed (delivered when this transaction commits).
            if (tx.dialect() == Dialect.POSTGRESQL) {
                for (RegistryChange change : changes) {
                    Notifications.send(s.connection(), PostgresCluster.REGISTRY_CHANNEL, change.kind() + "\t" + change.key());
                }
            }
            return null;
        });
    }

    @Override
    public Optional<String> get(String kind, String key) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM registry WHERE kind = ? AND key = ?")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<RegistryEntry> list(String kind) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, body FROM registry WHERE kind = ? ORDER BY id")) {
                ps.setString(1, kind);
                List<RegistryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RegistryEntry(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }
}
