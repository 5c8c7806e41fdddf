package io.flowstate.store.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.JournalEntry;
import io.flowstate.engine.runtime.StartRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store measurements, run on request only ({@code -Dflowstate.measure=true}): commit throughput on SQLite in
 * each sync mode, and ListExecutions latency over a million stored executions. Figures go to stdout.
 */
class StoreMeasurement {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MACHINE = "arn:aws:states:us-east-1:1:stateMachine:sm";

    @TempDir
    Path dir;

    @BeforeEach
    void onRequest() {
        Assumptions.assumeTrue(Boolean.getBoolean("flowstate.measure"), "measurements run with -Dflowstate.measure=true");
    }

    @Test
    void commits_sqliteBothSyncModes_printsRate() throws Exception {
        for (Durability mode : Durability.values()) {
            for (int threads : new int[] {1, 8, 64}) {
                try (JdbcExecutionStore store = JdbcStores.sqlite(dir.resolve(mode + "-" + threads + ".db"), mode)) {
                    int perThread = 2000 / threads;
                    AtomicLong commits = new AtomicLong();
                    long start = System.nanoTime();
                    List<Thread> running = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int base = t * perThread;
                        running.add(Thread.ofVirtual().start(() -> {
                            for (int i = base; i < base + perThread; i += 5) {
                                String arn = "arn:aws:states:us-east-1:1:execution:sm:" + i;
                                store.create(summary(arn, 2, ExecutionStatus.RUNNING, T0), start(arn), events(1, 2));
                                commits.incrementAndGet();
                                for (int c = 0; c < 4; c++) {
                                    long last = 2 + 2L * c;
                                    store.commit(summary(arn, last + 2, c == 3 ? ExecutionStatus.SUCCEEDED : ExecutionStatus.RUNNING, T0),
                                            last, events(last + 1, last + 2), new JournalEntry(last, T0, new Trigger.TimerFired(c)));
                                    commits.incrementAndGet();
                                }
                            }
                        }));
                    }
                    for (Thread t : running) {
                        t.join();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("sqlite synchronous=%s threads=%d: %d commits in %.2f s = %.0f commits/s%n",
                            mode, threads, commits.get(), seconds, commits.get() / seconds);
                }
            }
        }
    }

    @Test
    void list_millionExecutionsSqlite_printsLatencyPercentiles() throws Exception {
        int total = Integer.getInteger("flowstate.measure.executions", 1_000_000);
        try (JdbcExecutionStore store = JdbcStores.sqlite(dir.resolve("million.db"), Durability.PROCESS)) {
            store.create(summary("arn:seed", 1, ExecutionStatus.RUNNING, T0), start("arn:seed"), events(1, 1));
            long loadStart = System.nanoTime();
            bulkLoad(store, total);
            System.out.printf("loaded %d executions in %.1f s%n", total, (System.nanoTime() - loadStart) / 1e9);
            SplittableRandom random = new SplittableRandom(1);
            ExecutionStatus[] statuses = {ExecutionStatus.RUNNING, ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED};
            long[] nanos = new long[400];
            for (int i = 0; i < nanos.length; i++) {
                Optional<String> machine = random.nextBoolean() ? Optional.of(MACHINE + random.nextInt(10)) : Optional.empty();
                Optional<ExecutionStatus> status = random.nextBoolean() ? Optional.of(statuses[random.nextInt(3)]) : Optional.empty();
                ExecutionQuery q = new ExecutionQuery(machine, status, Optional.empty(), 100);
                long t = System.nanoTime();
                ExecutionPage page = store.list(q);
                if (i % 2 == 1 && page.nextToken().isPresent()) {
                    t = System.nanoTime();
                    page = store.list(q.after(page.nextToken().get()));
                }
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("ListExecutions over %d executions, 100 per page: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    total, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
    }

    /** Rows straight into the tables, one transaction: the store's own create would take an fsync each. */
    private static void bulkLoad(JdbcExecutionStore store, int total) throws Exception {
        java.lang.reflect.Field f = JdbcExecutionStore.class.getDeclaredField("tx");
        f.setAccessible(true);
        javax.sql.DataSource data = ((Transactions) f.get(store)).data();
        String hash;
        try (Connection c = data.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT hash FROM definitions")) {
            rs.next();
            hash = rs.getString(1);
        }
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO executions (execution_arn, state_machine_arn, name, "
                    + "type, status, start_ns, input_text, stop_ns, output, error, cause, last_event_id, journal_length, "
                    + "definition_hash, start_info) VALUES (?, ?, ?, 'STANDARD', ?, ?, '{}', NULL, NULL, NULL, NULL, 5, 2, ?, '{}')")) {
                SplittableRandom random = new SplittableRandom(7);
                String[] statuses = {"RUNNING", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED"};
                for (int i = 0; i < total; i++) {
                    ps.setString(1, "arn:aws:states:us-east-1:1:execution:sm" + (i % 10) + ":" + i);
                    ps.setString(2, MACHINE + (i % 10));
                    ps.setString(3, "e" + i);
                    ps.setString(4, statuses[random.nextInt(statuses.length)]);
                    ps.setLong(5, EpochNanos.of(T0) + i * 1_000_000L);
                    ps.setString(6, hash);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static ExecutionSummary summary(String arn, long last, ExecutionStatus status, Instant start) {
        boolean ended = status != ExecutionStatus.RUNNING;
        return new ExecutionSummary(arn, MACHINE, "n", "STANDARD", status, start, ended ? Optional.of(start) : Optional.empty(),
                "{}", ended ? Optional.of(JsonNodeFactory.instance.objectNode()) : Optional.empty(), Optional.empty(),
                Optional.empty(), last);
    }

    private static StartRecord start(String arn) {
        return new StartRecord("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", "STANDARD",
                ExecutionInfo.of("us-east-1", "1", "sm", arn.substring(arn.lastIndexOf(':') + 1), "r", T0,
                        JsonNodeFactory.instance.objectNode()));
    }

    private static List<HistoryEvent> events(long from, long to) {
        List<HistoryEvent> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(new HistoryEvent(i, i - 1, T0, EventType.PASS_STATE_ENTERED,
                    new EventDetails.StateEntered("A", JsonNodeFactory.instance.objectNode().put("k", i))));
        }
        return out;
    }
}
