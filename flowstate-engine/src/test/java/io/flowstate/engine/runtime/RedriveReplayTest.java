package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A redriven execution rebuilt from its journal ({@link Replay}, as after a restart or a takeover) is the
 * execution that was redriven: same history, same outstanding tasks, and it goes on the same way.
 */
class RedriveReplayTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    /** A Parallel whose second branch maps items through a Task; a Pass branch beside it. */
    private static final StateMachine MACHINE = parse("{'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,"
            + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','Result':'a','End':true}}},"
            + "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,"
            + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','End':true}}}}}}]}}}");

    /** Drives one execution, journaling every trigger as the engine does. */
    private static final class Driven {
        final ExecutionInfo info = info(json("[1,2,3]"));
        final Execution exec;
        final List<JournalEntry> journal = new ArrayList<>();
        Decision last;

        Driven() {
            Interpreter.Started s = Interpreter.start(MACHINE, info, T0);
            exec = s.execution();
            last = s.decision();
        }

        Decision apply(Trigger t, Instant at) {
            journal.add(new JournalEntry(exec.lastEventId(), at, t));
            last = Interpreter.advance(exec, t, at);
            return last;
        }

        long task(int i) {
            return last.effects().stream().filter(Effect.InvokeTask.class::isInstance)
                    .map(e -> ((Effect.InvokeTask) e).taskId()).toList().get(i);
        }
    }

    @Test
    void replay_afterPartialRedrive_rebuildsTheSameExecutionWhichFinishesTheSameWay() {
        Driven d = new Driven();
        long first = d.task(0);
        long second = d.task(1);
        d.apply(new Trigger.TaskSucceeded(first, json("'one'")), T0);
        d.apply(new Trigger.TaskFailed(second, "Boom", Optional.of("two failed")), T0);
        assertThat(d.exec.status()).isEqualTo(ExecutionStatus.FAILED);
        d.apply(new Trigger.Redrive(), T0.plusSeconds(60));
        assertThat(d.last.effects()).hasSize(2);

        Replay.Replayed r = Replay.replay(MACHINE, d.info, d.journal);

        assertThat(r.execution().history()).isEqualTo(d.exec.history());
        assertThat(r.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(r.execution().redriveCount()).isEqualTo(1);
        assertThat(r.pendingTasks()).extracting(Effect.InvokeTask::taskId).containsExactly(d.task(0), d.task(1));
        assertThat(r.pendingTasks()).extracting(Effect.InvokeTask::input).containsExactly(json("2"), json("3"));
        for (Execution e : List.of(d.exec, r.execution())) {
            Interpreter.advance(e, new Trigger.TaskSucceeded(d.task(0), json("'two'")), T0.plusSeconds(61));
            Interpreter.advance(e, new Trigger.TaskSucceeded(d.task(1), json("'three'")), T0.plusSeconds(62));
        }
        assertThat(r.execution().history()).isEqualTo(d.exec.history());
        assertThat(r.execution().output()).contains(json("['a',['one','two','three']]"));
    }
}
