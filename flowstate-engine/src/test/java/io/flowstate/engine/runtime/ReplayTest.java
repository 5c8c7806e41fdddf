package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final StateMachine MACHINE = parse("{'StartAt':'T','States':{"
            + "'T':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':['States.ALL'],'JitterStrategy':'FULL'}],"
            + "'ResultPath':'$.r','Next':'U'},"
            + "'U':{'Type':'Pass','Parameters':{'id.$':'States.UUID()','r.$':'$.r'},'Next':'W'},"
            + "'W':{'Type':'Wait','Seconds':3600,'End':true}}}");

    @Test
    void replay_journalOfWaitingExecution_rebuildsSameHistoryAndPendingTimer() throws Exception {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        ManualTimers timers = new ManualTimers(T0);
        int[] calls = {0};
        Engine engine = new Engine(store, TaskHandlers.byResource(Map.of(FN, TaskHandlers.function(in -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("first call fails");
            }
            return json("{'v':1}");
        })), TaskHandlers.unbound()), timers);
        String arn = engine.start(MACHINE, "{}", info(json("{}")), "STANDARD").orElseThrow().executionArn();
        waitUntil(() -> timers.pending() > 0);
        timers.fireNext();
        waitUntil(() -> engine.history(arn, 0, 1000).stream().anyMatch(e -> e.type().awsName().equals("WaitStateEntered")));

        Replay.Replayed r = Replay.replay(MACHINE, store.start(arn).orElseThrow().info(), store.journal(arn));

        assertThat(r.execution().history()).isEqualTo(engine.history(arn, 0, 1000));
        assertThat(r.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(r.pendingTasks()).isEmpty();
        assertThat(r.pendingTimers()).singleElement().satisfies(t -> assertThat(t.dueAt())
                .isEqualTo(timers.now().plus(Duration.ofHours(1))));
        engine.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
