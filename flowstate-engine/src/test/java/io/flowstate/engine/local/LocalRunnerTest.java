package io.flowstate.engine.local;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunnerTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    @Test
    void run_oneDayWaitOnVirtualClock_finishesAtOnceWithVirtualTimestamps() throws Exception {
        VirtualClock clock = new VirtualClock(T0);
        RunResult r = new LocalRunner(TaskHandlers.unbound(), clock)
                .run(parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':86400,'End':true}}}"), info(json("{}")));

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.history().get(r.history().size() - 1).timestamp()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void run_inProcessHandler_feedsResultToNextState() throws Exception {
        var handler = TaskHandlers.byResource(Map.of(FN, TaskHandlers.function(in -> ((ObjectNode) in.deepCopy()).put("seen", true))),
                TaskHandlers.unbound());
        RunResult r = new LocalRunner(handler, new VirtualClock(T0))
                .run(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','End':true}}}"), info(json("{'a':1}")));

        assertThat(r.output()).contains(json("{'a':1,'seen':true}"));
    }

    @Test
    void run_slowTaskBeyondTimeout_timesOutOnVirtualClock() throws Exception {
        var handler = (io.flowstate.engine.task.TaskHandler) inv -> new TaskOutcome.Delayed(Duration.ofSeconds(30),
                new TaskOutcome.Success(inv.input()));
        RunResult r = new LocalRunner(handler, new VirtualClock(T0)).run(parse(
                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','TimeoutSeconds':5,'End':true}}}"),
                info(json("{}")));

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).contains("States.Timeout");
    }

    @Test
    void run_unboundResource_failsWithClearCause() throws Exception {
        RunResult r = new LocalRunner(TaskHandlers.unbound(), new VirtualClock(T0))
                .run(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','End':true}}}"), info(json("{}")));

        assertThat(r.error()).contains("States.TaskFailed");
        assertThat(r.cause().orElseThrow()).contains("No task handler is bound to resource");
    }
}
