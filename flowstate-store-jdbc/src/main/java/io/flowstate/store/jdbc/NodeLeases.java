package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.ExecutionStatus;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns which running execution (see {@code V4__nodes.sql}). A node owns the executions whose
 * {@code owner} it is while its row in {@code nodes} holds a lease in the future: renewing is one UPDATE of
 * that one row, whatever the number of executions. The executions of a node whose lease lapsed are claimed by
 * the others in batches, each row locked with {@code FOR UPDATE SKIP LOCKED} so two claimers never take the
 * same execution and neither waits for the other, and shared out among the live nodes ({@link #claimExpired}).
 *
 * <p>Lease times are read on each node's clock: nodes' clocks must agree to well within the lease (NTP does).
 */
final class NodeLeases {
    private final Transactions tx;
    private final String nodeId;
    private final Duration lease;
    private final InstantSource clock;
    /** Until when this node knows its lease holds: its last successful renewal plus the lease. */
    private volatile long validUntilNs;
    /** Lapsed nodes this node has claimed its part of already (see {@link #claimExpired}). */
    private final java.util.Set<String> sharedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    NodeLeases(Transactions tx, String nodeId, Duration lease, InstantSource clock) {
        this.tx = requireNonNull(tx, "tx is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    String nodeId() {
        return nodeId;
    }

    Duration lease() {
        return lease;
    }

    /** Extends this node's lease to a full lease from now. */
    void renew() {
        long now = EpochNanos.of(clock.instant());
        long until = now + lease.toNanos();
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nodes (node_id, lease_until_ns) VALUES (?, ?) "
                    + "ON CONFLICT (node_id) DO UPDATE SET lease_until_ns = excluded.lease_until_ns")) {
                ps.setString(1, nodeId);
                ps.setLong(2, until);
                ps.executeUpdate();
            }
            return null;
        });
        validUntilNs = until;
    }

    /** Ends this node's lease now, so that the others take its executions over at once. */
    void release() {
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("UPDATE nodes SET lease_until_ns = 0 WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                ps.executeUpdate();
            }
            return null;
        });
        validUntilNs = 0;
    }

    /** Whether this node's lease still holds, as far as it knows. */
    boolean valid() {
        return EpochNanos.of(clock.instant()) < validUntilNs;
    }

    /** Whether this node owns {@code executionArn} and its lease holds. */
    boolean owns(String executionArn) {
        return valid() && tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM executions WHERE execution_arn = ?")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && nodeId.equals(rs.getString(1));
                }
            }
        });
    }

    /**
     * At start: the running executions this node owns already (it restarted under the same id), and those no
     * live node owns (none, or one whose lease lapsed), claimed for this node.
     */
    List<String> claimAtStart(int batch) {
        List<String> out = new ArrayList<>(tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT execution_arn FROM executions WHERE status = ? AND owner = ?")) {
                ps.setString(1, ExecutionStatus.RUNNING.name());
                ps.setString(2, nodeId);
                return Rows.texts(ps);
            }
        }));
        out.addAll(claim(List.of(), batch));
        out.addAll(claimExpired(batch));
        return out;
    }

    /**
     * The running executions of nodes whose lease lapsed, claimed for this node in batches, shared out among the
     * live nodes: the first time this node finds a node lapsed, it claims the executions whose row id modulo
     * the number of live nodes is its rank among them (by node id), so that each survivor takes a part instead
     * of the first one to look taking all; the next time, it claims whatever is left of that node, so a survivor
     * that is slow or has died itself delays its part by one tick, not for ever.
     */
    List<String> claimExpired(int batch) {
        List<String> dead = expiredNodes();
        sharedOut.retainAll(dead);
        if (dead.isEmpty()) {
            return List.of();
        }
        List<String> fresh = dead.stream().filter(d -> !sharedOut.contains(d)).toList();
        List<String> seen = dead.stream().filter(sharedOut::contains).toList();
        List<String> out = new ArrayList<>();
        if (!fresh.isEmpty()) {
            List<String> live = liveNodes();
            int rank = live.indexOf(nodeId);
            out.addAll(live.size() > 1 && rank >= 0 ? claim(fresh, batch, live.size(), rank) : claim(fresh, batch));
            sharedOut.addAll(fresh);
        }
        if (!seen.isEmpty()) {
            out.addAll(claim(seen, batch));
        }
        forget(dead);
        return out;
    }

    /** The nodes whose lease holds, this one included when it has renewed, by node id. */
    List<String> liveNodes() {
        long now = EpochNanos.of(clock.instant());
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM nodes WHERE lease_until_ns >= ? ORDER BY node_id")) {
                ps.setLong(1, now);
                return Rows.texts(ps);
            }
        });
    }

    /** Those of {@code executionArns} that another node owns now. */
    List<String> ownedElsewhere(java.util.Collection<String> executionArns) {
        if (executionArns.isEmpty()) {
            return List.of();
        }
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT execution_arn FROM executions WHERE execution_arn = ANY (?) AND owner <> ?")) {
                ps.setArray(1, c.createArrayOf("text", executionArns.toArray()));
                ps.setString(2, nodeId);
                return Rows.texts(ps);
            }
        });
    }

    /** Nodes whose lease lapsed, other than this one. */
    List<String> expiredNodes() {
        long now = EpochNanos.of(clock.instant());
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM nodes WHERE lease_until_ns < ? AND node_id <> ?")) {
                ps.setLong(1, now);
                ps.setString(2, nodeId);
                return Rows.texts(ps);
            }
        });
    }

    /**
     * Claims, batch after batch, the running executions of {@code owners} (other nodes), or those with no owner
     * when {@code owners} is empty. Each batch moves its rows to this node, so the next one finds the rest.
     */
    private List<String> claim(List<String> owners, int batch) {
        return claim(owners, batch, 1, 0);
    }

    /** {@link #claim(List, int)}, only the executions whose row id modulo {@code parts} is {@code part}. */
    private List<String> claim(List<String> owners, int batch, int parts, int part) {
        List<String> out = new ArrayList<>();
        while (true) {
            List<String> got = tx.write(st -> {
                java.sql.Connection c = st.connection();
                try (PreparedStatement ps = c.prepareStatement("UPDATE executions SET owner = ? WHERE id IN ("
                        + "SELECT id FROM executions WHERE status = ? AND "
                        + (owners.isEmpty() ? "owner IS NULL" : "owner = ANY (?)")
                        + (parts > 1 ? " AND id % ? = ?" : "")
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING execution_arn")) {
                    int i = 1;
                    ps.setString(i++, nodeId);
                    ps.setString(i++, ExecutionStatus.RUNNING.name());
                    if (!owners.isEmpty()) {
                        Array ids = c.createArrayOf("text", owners.toArray());
                        ps.setArray(i++, ids);
                    }
                    if (parts > 1) {
                        ps.setInt(i++, parts);
                        ps.setInt(i++, part);
                    }
                    ps.setInt(i, batch);
                    return Rows.texts(ps);
                }
            });
            out.addAll(got);
            if (got.size() < batch) {
                return out;
            }
        }
    }

    /** Deletes the rows of lapsed nodes that own no running execution any more. */
    private void forget(List<String> dead) {
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nodes n WHERE n.node_id = ANY (?) AND n.lease_until_ns < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.owner = n.node_id AND e.status = ?)")) {
                ps.setArray(1, c.createArrayOf("text", dead.toArray()));
                ps.setLong(2, EpochNanos.of(clock.instant()));
                ps.setString(3, ExecutionStatus.RUNNING.name());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
