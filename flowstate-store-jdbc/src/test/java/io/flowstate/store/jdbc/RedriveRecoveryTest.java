package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.flowstate.engine.task.TaskOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redriven execution on SQLite: the redrive's commit must turn the stored row RUNNING again (the store's
 * version-only update would leave it FAILED, and recovery would never see it), and its journal, Redrive
 * trigger included, must rebuild it after a restart.
 */
class RedriveRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final String DEFINITION = ("{'StartAt':'P','States':{"
            + "'P':{'Type':'Pass','Result':'p','ResultPath':'$.p','Next':'T'},"
            + "'T':{'Type':'Task','Resource':'" + FN + "','End':true}}}").replace('\'', '"');
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:sm:r";

    @TempDir
    Path dir;

    @Test
    void redrive_thenRestart_storedRunningAndRecoveredToSuccess() throws Exception {
        StateMachine machine = AslParser.parse(DEFINITION).machine().orElseThrow();
        Path file = dir.resolve("flowstate.db");
        CountDownLatch secondCall = new CountDownLatch(1);
        ManualTimers timers1 = new ManualTimers(T0);
        JdbcExecutionStore store1 = JdbcStores.sqlite(file);
        int[] calls = {0};
        Engine first = new Engine(store1, new InMemoryExecutionStore(), inv -> {
            if (calls[0]++ == 0) {
                return TaskOutcome.Failure.of("Boom", "first call fails");
            }
            secondCall.countDown();
            return new CompletableFuture<TaskOutcome>().join();
        }, timers1);
        first.start(machine, DEFINITION, ExecutionInfo.of("us-east-1", "123456789012", "sm", "r",
                "arn:aws:iam::123456789012:role/r", T0, Json.object()), "STANDARD");
        assertThat(first.completion(ARN).get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.FAILED);

        assertThat(first.redrive(ARN, machine)).isPresent();
        assertThat(secondCall.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store1.find(ARN).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(store1.running()).contains(ARN);
        timers1.close();
        store1.close();

        ManualTimers timers2 = new ManualTimers(T0);
        try (JdbcExecutionStore store2 = JdbcStores.sqlite(file);
                Engine second = new Engine(store2, new InMemoryExecutionStore(),
                        inv -> new TaskOutcome.Success(Json.object().put("ok", true)), timers2)) {
            assertThat(second.recover()).isEqualTo(1);
            assertThat(second.completion(ARN).get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(second.history(ARN, 0, 1000)).extracting(HistoryEvent::type)
                    .containsOnlyOnce(EventType.EXECUTION_REDRIVEN, EventType.stateEntered("Pass"));
        }
    }
}
