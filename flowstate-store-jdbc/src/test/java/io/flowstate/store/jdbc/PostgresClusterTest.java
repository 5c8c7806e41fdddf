package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.ActivityTask;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.ManualTimers;
import io.flowstate.engine.runtime.TokenOutcome;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (an {@link Engine} on its own pool and {@link PostgresCluster} each) on one embedded PostgreSQL
 * database: takeover of a crashed node's executions, fencing of the node that lost them, triggers forwarded
 * to the owner, and activity tasks polled on the other node. Executions' timers are manual; the lease clock
 * is a test clock too, moved past a lease to make a node's lease lapse.
 */
class PostgresClusterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:work";
    private static final String CALLBACK = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private final AtomicReference<Instant> leaseNow = new AtomicReference<>(T0);
    private final InstantSource leaseClock = () -> leaseNow.get();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean();
    private String url;

    /** One node: its database pool, cluster membership and engine, with manual timers. */
    private record Node(JdbcDatabase db, PostgresCluster cluster, Engine engine, ManualTimers timers) {}

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void takeover_ownerCrashedInWait_otherNodeResumesTimerAndCompletes() throws Exception {
        Node a = node("a");
        Node b = node("b");
        StateMachine m = machine(WAIT);
        a.engine().start(m, WAIT, info("w1"), "STANDARD");
        assertThat(a.timers().pending()).isEqualTo(1);

        crash(a);
        waitUntil(() -> b.timers().pending() == 1, "b re-arms the Wait's timer");
        b.timers().fireNext();

        assertThat(b.engine().describe(arn("w1")).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(types(b.engine().history(arn("w1"), 0, 100))).containsExactly("ExecutionStarted", "WaitStateEntered",
                "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void commit_nodeThatLostTheExecution_isRefusedAndHistoryHasNoDuplicate() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.engine().start(machine(WAIT), WAIT, info("w2"), "STANDARD");
        crash(a);
        waitUntil(() -> b.timers().pending() == 1, "b takes w2 over");

        // a was only paused: its timer fires, and its commit must not land on b's execution.
        a.timers().fireNext();
        assertThat(a.engine().describe(arn("w2")).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(b.engine().history(arn("w2"), 0, 100)).hasSize(2);

        b.timers().fireNext();
        assertThat(types(b.engine().history(arn("w2"), 0, 100))).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void sendTaskSuccess_onNodeThatDoesNotOwnTheExecution_isAppliedByTheOwner() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.engine().start(machine(CALLBACK_MACHINE), CALLBACK_MACHINE, info("c1"), "STANDARD");
        String token = tokens.poll(10, TimeUnit.SECONDS);

        assertThat(b.engine().taskHeartbeat(token)).isEqualTo(TokenOutcome.ACCEPTED);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(b.engine().taskHeartbeat(token)).isEqualTo(TokenOutcome.ACCEPTED);
        }
        System.out.printf("PostgresClusterTest: a heartbeat forwarded to the owner and answered: %.1f ms%n",
                (System.nanoTime() - t0) / 20 / 1e6);
        assertThat(b.engine().taskSucceeded(token, Json.parse("{\"ok\":1}"))).isEqualTo(TokenOutcome.ACCEPTED);
        assertThat(a.engine().describe(arn("c1")).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(b.engine().taskSucceeded(token, Json.parse("{}"))).isEqualTo(TokenOutcome.TASK_GONE);
        assertThat(b.engine().taskSucceeded("x".repeat(64), Json.parse("{}"))).isEqualTo(TokenOutcome.UNKNOWN_TOKEN);
    }

    @Test
    void stop_onNodeThatDoesNotOwnTheExecution_abortsItAtTheOwner() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.engine().start(machine(WAIT), WAIT, info("s1"), "STANDARD");

        assertThat(b.engine().stop(arn("s1"), Optional.of("Halt"), Optional.empty())).isTrue();
        assertThat(b.engine().describe(arn("s1")).orElseThrow().status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(b.engine().stop(arn("s1"), Optional.empty(), Optional.empty())).isFalse();
    }

    @Test
    void getActivityTask_taskScheduledOnOtherNode_isHandedOutOnceAndCompletes() throws Exception {
        Node a = node("a");
        Node b = node("b");
        // b polls first: the task must reach a poller that is already waiting, by notification.
        var polled = java.util.concurrent.CompletableFuture.supplyAsync(() -> poll(b, Duration.ofSeconds(10)));
        Thread.sleep(100);
        a.engine().start(machine(ACTIVITY_MACHINE), ACTIVITY_MACHINE, info("act1"), "STANDARD");
        ActivityTask task = polled.get(10, TimeUnit.SECONDS).orElseThrow();

        assertThat(Json.parse(task.input()).path("n").asInt()).isEqualTo(1);
        assertThat(poll(a, Duration.ofMillis(200))).isEmpty();
        assertThat(types(a.engine().history(arn("act1"), 0, 100))).contains("ActivityStarted");
        assertThat(b.engine().taskSucceeded(task.taskToken(), Json.parse("\"done\""))).isEqualTo(TokenOutcome.ACCEPTED);
        assertThat(a.engine().describe(arn("act1")).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void recover_nodeRestartedUnderItsId_resumesItsExecutionsAtOnce() throws Exception {
        Node a = node("a");
        a.engine().start(machine(WAIT), WAIT, info("r1"), "STANDARD");
        crash(a);
        leaseNow.set(T0); // the restart comes before the lease lapsed
        Node again = node("a");
        assertThat(again.timers().pending()).isEqualTo(1);
        again.timers().fireNext();
        assertThat(again.engine().describe(arn("r1")).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void redrive_onNodeThatDidNotRunTheExecution_makesThatNodeItsOwner() throws Exception {
        Node a = node("a");
        Node b = node("b");
        failNext.set(true);
        a.engine().start(machine(TASK_MACHINE), TASK_MACHINE, info("rd1"), "STANDARD");
        waitUntil(() -> a.engine().describe(arn("rd1")).orElseThrow().status() == ExecutionStatus.FAILED, "rd1 fails");

        assertThat(b.engine().redrive(arn("rd1"), machine(TASK_MACHINE))).isPresent();
        waitUntil(() -> b.engine().describe(arn("rd1")).orElseThrow().status() == ExecutionStatus.SUCCEEDED, "rd1 succeeds");
        assertThat(owner(arn("rd1"))).isEqualTo("b");
    }

    @Test
    void disownLost_executionsTakenOverWhileLeaseLapsed_areDroppedFromMemory() throws Exception {
        Node a = node("a");
        node("b");
        a.engine().start(machine(WAIT), WAIT, info("d1"), "STANDARD");
        a.engine().start(machine(WAIT), WAIT, info("d2"), "STANDARD");
        setOwner(arn("d1"), "b"); // what b's claim does while a is paused

        a.cluster().disownLost();
        assertThat(a.engine().completion(arn("d1"))).isCompletedExceptionally();
        assertThat(a.engine().completion(arn("d2"))).isNotDone();
    }
    @Test
    void inboxDepth_triggersWaitingForANode_countsOnlyItsUnansweredOnes() throws Exception {
        Node b = node("b");
        b.engine().start(machine(WAIT), info("queued"), "STANDARD");
        // A member without an engine never drains: what is forwarded to it stays in its inbox.
        JdbcDatabase db = JdbcStores.postgresDatabase(url, "postgres", "postgres");
        opened.add(db);
        PostgresCluster a = db.cluster("a", LEASE, leaseClock);
        setOwner(arn("queued"), "a");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO inbox (execution_arn, trigger_json, outcome) VALUES (?, '{}', ?)")) {
            for (String outcome : new String[] {null, null, "DELIVERED"}) {
                ps.setString(1, arn("queued"));
                ps.setString(2, outcome);
                ps.executeUpdate();
            }
        }

        assertThat(a.inboxDepth()).isEqualTo(2);
        assertThat(b.cluster().inboxDepth()).isZero();
    }

    // ---- machinery ------------------------------------------------------------------------------

    private static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},"
            + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static final String CALLBACK_MACHINE = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
            + CALLBACK + "\",\"Parameters\":{\"token.$\":\"$$.Task.Token\"},\"HeartbeatSeconds\":600,\"End\":true}}}";
    private static final String TASK_MACHINE = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
            + "\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"End\":true}}}";
    private static final String ACTIVITY_MACHINE = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
            + ACTIVITY + "\",\"Parameters\":{\"n\":1},\"End\":true}}}";

    private Node node(String id) {
        if (url == null) {
            url = EmbeddedPostgresServer.newDatabase();
        }
        JdbcDatabase db = JdbcStores.postgresDatabase(url, "postgres", "postgres");
        opened.add(db);
        PostgresCluster cluster = db.cluster(id, LEASE, leaseClock);
        ManualTimers timers = new ManualTimers(T0);
        Engine engine = new Engine(db.executions(), new InMemoryExecutionStore(), inv -> {
            inv.taskToken().ifPresent(tokens::add);
            if (failNext.getAndSet(false)) {
                return TaskOutcome.Failure.of("Boom", "first call fails");
            }
            return new TaskOutcome.Success(Json.object());
        }, timers, cluster);
        opened.add(engine);
        engine.recover();
        return new Node(db, cluster, engine, timers);
    }

    /** The node stops renewing its lease (as if killed), and the lease clock moves past the lease. */
    private void crash(Node n) {
        n.cluster().halt();
        leaseNow.updateAndGet(t -> t.plus(LEASE).plusMillis(1));
    }

    private void setOwner(String arn, String node) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.PreparedStatement ps = c.prepareStatement("UPDATE executions SET owner = ? WHERE execution_arn = ?")) {
            ps.setString(1, node);
            ps.setString(2, arn);
            ps.executeUpdate();
        }
    }

    /** The owner column as stored. */
    private String owner(String arn) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT owner FROM executions WHERE execution_arn = ?")) {
            ps.setString(1, arn);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Optional<ActivityTask> poll(Node n, Duration wait) {
        try {
            return n.engine().pollActivity(ACTIVITY, Optional.of("worker"), wait);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StateMachine machine(String definition) {
        return AslParser.parse(definition).machine().orElseThrow();
    }

    private static ExecutionInfo info(String name) {
        return ExecutionInfo.of("us-east-1", "123456789012", "sm", name, "arn:aws:iam::123456789012:role/r", T0,
                (JsonNode) Json.object().put("n", 1));
    }

    private static String arn(String name) {
        return "arn:aws:states:us-east-1:123456789012:execution:sm:" + name;
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
