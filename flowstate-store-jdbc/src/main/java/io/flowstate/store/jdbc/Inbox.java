package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.runtime.Cluster;
import io.flowstate.engine.runtime.TokenOutcome;
import io.flowstate.engine.runtime.TriggerJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Triggers for executions another node owns, through the {@code inbox} table. The sender inserts the trigger
 * and notifies {@link #CHANNEL} with the owner's id, in one transaction; the owner applies it, writes the
 * outcome into the row and notifies {@link #REPLY_CHANNEL} with the row id; the sender reads the outcome and
 * deletes the row. The owner also drains its inbox on every lease tick and after taking executions over, so a
 * trigger sent to a node that died meanwhile reaches the node that takes the execution over.
 *
 * <p>Delivery is at-least-once: a node that dies after applying a trigger and before writing its outcome
 * leaves the row to the next owner, which finds the task no longer waiting (TASK_GONE, harmless). A sender
 * that waits longer than {@code wait} (no node owns the execution yet) answers ACCEPTED: the row stays and is
 * applied once a node takes the execution over.
 */
final class Inbox {
    static final String CHANNEL = "flowstate_inbox";
    static final String REPLY_CHANNEL = "flowstate_reply";
    private static final int BATCH = 100;
    /** Rows whose sender never came back for the outcome (it died) are deleted after this. */
    private static final Duration KEEP_DONE = Duration.ofMinutes(5);

    private final Transactions tx;
    private final NodeLeases leases;
    private final String nodeId;
    private final Duration wait;
    private final InstantSource clock;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    Inbox(Transactions tx, NodeLeases leases, Duration wait, InstantSource clock) {
        this.tx = requireNonNull(tx, "tx is null");
        this.leases = requireNonNull(leases, "leases is null");
        this.nodeId = leases.nodeId();
        this.wait = requireNonNull(wait, "wait is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Sends {@code trigger} to the owner of {@code executionArn} and waits for its outcome. */
    TokenOutcome forward(String executionArn, Trigger trigger) {
        CompletableFuture<Void> replied = new CompletableFuture<>();
        Optional<Long> sent = tx.write(st -> {
            java.sql.Connection c = st.connection();
            String owner;
            try (PreparedStatement ps = c.prepareStatement("SELECT owner, status FROM executions WHERE execution_arn = ?")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !ExecutionStatus.RUNNING.name().equals(rs.getString(2))) {
                        return Optional.<Long>empty();
                    }
                    owner = rs.getString(1);
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inbox (execution_arn, trigger_json) VALUES (?, ?) RETURNING id")) {
                ps.setString(1, executionArn);
                ps.setString(2, Json.write(TriggerJson.write(trigger)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            // Registered before the commit: the reply cannot come sooner.
            waiting.put(id, replied);
            Notifications.send(c, CHANNEL, owner == null ? "" : owner);
            return Optional.of(id);
        });
        if (sent.isEmpty()) {
            return TokenOutcome.TASK_GONE;
        }
        long id = sent.get();
        long deadline = System.nanoTime() + wait.toNanos();
        CompletableFuture<Void> next = replied;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    // Looked up at least every second: a reply's notification can be lost with a broken connection.
                    next.get(Math.max(1, Math.min(left, TimeUnit.SECONDS.toNanos(1))), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // look below
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                Optional<TokenOutcome> outcome = takeOutcome(id);
                if (outcome.isPresent()) {
                    return outcome.get();
                }
                if (System.nanoTime() >= deadline) {
                    return TokenOutcome.ACCEPTED;
                }
                if (next.isDone()) {
                    next = new CompletableFuture<>();
                    waiting.put(id, next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TokenOutcome.ACCEPTED;
        } finally {
            waiting.remove(id);
        }
    }

    /** The outcome the owner wrote into row {@code id}, deleting the row; empty while there is none. */
    private Optional<TokenOutcome> takeOutcome(long id) {
        return tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inbox WHERE id = ? AND outcome IS NOT NULL RETURNING outcome")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(TokenOutcome.valueOf(rs.getString(1))) : Optional.<TokenOutcome>empty();
                }
            }
        });
    }

    /** A {@link #REPLY_CHANNEL} notification: the outcome of row {@code payload} is written. */
    void replied(String payload) {
        try {
            CompletableFuture<Void> f = waiting.get(Long.parseLong(payload));
            if (f != null) {
                f.complete(null);
            }
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }

    /** Wakes every sender (after the LISTEN connection came back: replies may have been missed). */
    void wakeAll() {
        waiting.values().forEach(f -> f.complete(null));
    }

    /**
     * Applies the pending triggers for the executions this node owns, in the order they were sent, and
     * writes their outcomes. The caller runs one drain at a time, and none while it takes executions over
     * (a trigger for an execution claimed but not yet rebuilt would find nothing waiting for it).
     */
    void drain(Cluster.Member member) {
        {
            while (true) {
                record Row(long id, String arn, String trigger) {}
                List<Row> rows = tx.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.execution_arn, i.trigger_json FROM inbox i "
                            + "JOIN executions e ON e.execution_arn = i.execution_arn "
                            + "WHERE i.outcome IS NULL AND e.owner = ? ORDER BY i.id LIMIT ?")) {
                        ps.setString(1, nodeId);
                        ps.setInt(2, BATCH);
                        List<Row> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                            }
                        }
                        return out;
                    }
                });
                for (Row r : rows) {
                    TokenOutcome outcome = member.deliver(r.arn(), read(r.trigger()));
                    if (outcome == TokenOutcome.TASK_GONE && !leases.owns(r.arn())) {
                        continue; // taken over meanwhile: the new owner drains it (it no longer joins our rows)
                    }
                    tx.write(st -> {
                        java.sql.Connection c = st.connection();
                        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox SET outcome = ?, done_ns = ? WHERE id = ?")) {
                            ps.setString(1, outcome.name());
                            ps.setLong(2, EpochNanos.of(clock.instant()));
                            ps.setLong(3, r.id());
                            ps.executeUpdate();
                        }
                        Notifications.send(c, REPLY_CHANNEL, Long.toString(r.id()));
                        return null;
                    });
                }
                if (rows.size() < BATCH) {
                    return;
                }
            }
        }
    }

    /**
     * How many triggers wait for this node: rows not answered yet for the executions it owns. A depth that stays
     * up means the node falls behind (or stopped draining) while senders wait.
     */
    long depth() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inbox i "
                    + "JOIN executions e ON e.execution_arn = i.execution_arn WHERE i.outcome IS NULL AND e.owner = ?")) {
                ps.setString(1, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Deletes answered rows nobody came back for. */
    void sweep() {
        long before = EpochNanos.of(clock.instant().minus(KEEP_DONE));
        tx.write(st -> {
            java.sql.Connection c = st.connection();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inbox WHERE outcome IS NOT NULL AND done_ns < ?")) {
                ps.setLong(1, before);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Trigger read(String json) {
        try {
            return TriggerJson.read(Json.parse(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox trigger is not JSON: " + json, e);
        }
    }
}
