package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.ManualTimers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash, simulated in one JVM: the first engine and its store are dropped while executions wait in a Wait
 * state or have a task in flight (top level and inside a Parallel branch); a new engine on a new store over the
 * same SQLite file recovers them, and every execution ends with the history an uninterrupted run writes.
 */
class RecoveryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final String DEFINITION = ("{'StartAt':'P','States':{"
            + "'P':{'Type':'Pass','Result':'p','ResultPath':'$.p','Next':'T1'},"
            + "'T1':{'Type':'Task','Resource':'" + FN + "','ResultPath':'$.t1','Next':'W'},"
            + "'W':{'Type':'Wait','SecondsPath':'$.wait','Next':'Par'},"
            + "'Par':{'Type':'Parallel','ResultPath':'$.par','Next':'M','Branches':["
            + "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','End':true}}},"
            + "{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}]},"
            + "'M':{'Type':'Map','ItemsPath':'$.items','ResultPath':'$.m','Iterator':{'StartAt':'I','States':"
            + "{'I':{'Type':'Pass','End':true}}},'Next':'T2'},"
            + "'T2':{'Type':'Task','Resource':'" + FN + "','End':true}}}").replace('\'', '"');
    /** Wait seconds per execution: they order the timers, so the test can stop each one at a chosen place. */
    private static final Map<String, Integer> WAITS = Map.of("a", 3600, "b", 60, "c", 60, "d", 10, "e", 30);

    @TempDir
    Path dir;

    @Test
    void recover_afterCrashWithWaitsAndTasksInFlight_completesWithUninterruptedHistory() throws Exception {
        StateMachine machine = AslParser.parse(DEFINITION).machine().orElseThrow();
        Path file = dir.resolve("flowstate.db");

        // Run 1, then the crash: c's T1, e's branch task A and b's T2 never return.
        Set<String> calls = ConcurrentHashMap.newKeySet();
        Set<String> hang = Set.of("c/T1", "e/A", "b/T2");
        ManualTimers timers1 = new ManualTimers(T0);
        JdbcExecutionStore store1 = JdbcStores.sqlite(file);
        Engine first = new Engine(store1, new InMemoryExecutionStore(), inv -> {
            String call = name(inv) + "/" + inv.stateName();
            calls.add(call);
            if (hang.contains(call)) {
                new CompletableFuture<Void>().join();
            }
            return answer(inv);
        }, timers1);
        WAITS.keySet().stream().sorted().forEach(n -> first.start(machine, DEFINITION, info(n), "STANDARD"));
        waitUntil(() -> calls.contains("c/T1") && timers1.pending() == 4);
        timers1.fireNext();
        first.completion(arn("d")).get(10, TimeUnit.SECONDS);
        timers1.fireNext();
        waitUntil(() -> calls.contains("e/A"));
        timers1.fireNext();
        waitUntil(() -> calls.contains("b/T2"));
        timers1.close();
        store1.close();

        // Run 2: a new engine over the same file.
        Set<String> reinvoked = ConcurrentHashMap.newKeySet();
        ManualTimers timers2 = new ManualTimers(timers1.now());
        try (JdbcExecutionStore store2 = JdbcStores.sqlite(file);
                Engine second = new Engine(store2, new InMemoryExecutionStore(), inv -> {
                    reinvoked.add(name(inv) + "/" + inv.stateName());
                    return answer(inv);
                }, timers2)) {
            assertThat(second.recover()).isEqualTo(4);
            drive(second, timers2);

            Map<String, List<HistoryEvent>> expected = uninterrupted(machine);
            for (String n : WAITS.keySet()) {
                assertThat(second.describe(arn(n)).orElseThrow().status()).as(n).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(untimed(second.history(arn(n), 0, 1000))).as(n).isEqualTo(untimed(expected.get(n)));
            }
            // The in-flight rule: each of the three calls cut off by the crash ran again, once.
            assertThat(reinvoked).contains("c/T1", "e/A", "b/T2").doesNotContain("d/T1", "a/T1", "b/T1");
        }
    }

    private static Map<String, List<HistoryEvent>> uninterrupted(StateMachine machine) throws Exception {
        ManualTimers timers = new ManualTimers(T0);
        try (Engine engine = new Engine(new InMemoryExecutionStore(), RecoveryTest::answer, timers)) {
            WAITS.keySet().stream().sorted().forEach(n -> engine.start(machine, DEFINITION, info(n), "STANDARD"));
            drive(engine, timers);
            Map<String, List<HistoryEvent>> out = new java.util.HashMap<>();
            WAITS.keySet().forEach(n -> out.put(n, engine.history(arn(n), 0, 1000)));
            return out;
        }
    }

    /** Fires timers whenever every execution is parked in its Wait or done, until all are done. */
    private static void drive(Engine engine, ManualTimers timers) throws Exception {
        BooleanSupplier done = () -> WAITS.keySet().stream()
                .allMatch(n -> engine.describe(arn(n)).orElseThrow().status() != ExecutionStatus.RUNNING);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("executions did not complete in 20 s");
            }
            boolean parked = WAITS.keySet().stream().allMatch(n -> {
                List<HistoryEvent> h = engine.history(arn(n), 0, 1000);
                HistoryEvent last = h.get(h.size() - 1);
                return last.type() == EventType.WAIT_STATE_ENTERED || last.type() == EventType.EXECUTION_SUCCEEDED;
            });
            if (parked) {
                timers.fireNext();
            }
            Thread.sleep(2);
        }
    }

    private static TaskOutcome answer(TaskInvocation inv) {
        JsonNode out = Json.object().put("state", inv.stateName()).put("execution", name(inv));
        return new TaskOutcome.Success(out);
    }

    private static String name(TaskInvocation inv) {
        return inv.executionArn().substring(inv.executionArn().lastIndexOf(':') + 1);
    }

    private static String arn(String name) {
        return "arn:aws:states:us-east-1:123456789012:execution:sm:" + name;
    }

    private static ExecutionInfo info(String name) {
        JsonNode input = Json.object().put("wait", WAITS.get(name)).set("items", Json.nodes().arrayNode().add(1).add(2).add(3));
        return ExecutionInfo.of("us-east-1", "123456789012", "sm", name, "arn:aws:iam::123456789012:role/r", T0, input);
    }

    /** Events without their timestamps, which differ between the runs (the clock moved on during the crash). */
    private static List<String> untimed(List<HistoryEvent> events) {
        return events.stream().map(e -> e.id() + " " + e.previousEventId() + " " + e.type() + " " + e.details()).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(1);
        }
    }

}
