package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedriveTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final Instant LATER = T0.plusSeconds(3600);

    /** P (Pass, adds a field) then T (Task, returns its input's context RedriveCount), then Done. */
    private static final StateMachine PASS_TASK = parse("{'StartAt':'P','States':{"
            + "'P':{'Type':'Pass','Result':'kept','ResultPath':'$.p','Next':'T'},"
            + "'T':{'Type':'Task','Resource':'" + LAMBDA + "','Parameters':{'p.$':'$.p','count.$':'$$.Execution.RedriveCount'},'Next':'Done'},"
            + "'Done':{'Type':'Pass','End':true}}}");

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    private static Effect.InvokeTask task(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance).map(Effect.InvokeTask.class::cast)
                .findFirst().orElseThrow();
    }

    private static Execution failedAtTask() {
        Interpreter.Started s = Interpreter.start(PASS_TASK, info(json("{}")), T0);
        Decision failed = Interpreter.advance(s.execution(),
                new Trigger.TaskFailed(task(s.decision()).taskId(), "Boom", Optional.of("c")), T0);
        assertThat(types(failed.events())).endsWith("ExecutionFailed");
        return s.execution();
    }

    @Test
    void redrive_failedTask_reentersTheTaskWithTheInputTheSuccessfulStatesMade() {
        Execution exec = failedAtTask();
        long lastBefore = exec.lastEventId();

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).containsExactly("ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted");
        HistoryEvent redriven = d.events().get(0);
        assertThat(redriven.id()).isEqualTo(lastBefore + 1);
        assertThat(redriven.previousEventId()).isEqualTo(lastBefore);
        assertThat(redriven.details()).isEqualTo(new EventDetails.Redriven(Optional.empty(), 1));
        assertThat(d.events().get(1).previousEventId()).isEqualTo(redriven.id());
        assertThat(d.events().get(1).details()).isEqualTo(new EventDetails.StateEntered("T", json("{'p':'kept'}")));
        assertThat(task(d).input()).isEqualTo(json("{'p':'kept','count':1}"));
        assertThat(exec.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(exec.failure()).isEmpty();
        assertThat(exec.redriveCount()).isEqualTo(1);
        assertThat(exec.redriveDate()).contains(LATER);
    }

    @Test
    void redrive_taskThenSucceeds_executionSucceedsWithoutRerunningEarlierStates() {
        Execution exec = failedAtTask();
        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        Decision end = Interpreter.advance(exec, new Trigger.TaskSucceeded(task(d).taskId(), json("{'ok':true}")), LATER);

        assertThat(types(end.events())).endsWith("TaskStateExited", "PassStateEntered", "PassStateExited",
                "ExecutionSucceeded");
        assertThat(exec.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(exec.output()).contains(json("{'ok':true}"));
        // P ran once in the whole history: the redrive kept its result instead of running it again.
        assertThat(exec.history().stream().filter(e -> e.type() == EventType.stateEntered("Pass")
                && ((EventDetails.StateEntered) e.details()).name().equals("P"))).hasSize(1);
        assertThat(exec.history().stream().map(HistoryEvent::id).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, exec.lastEventId()).boxed().toList());
    }

    @Test
    void redrive_twice_countsEachRedrive() {
        Execution exec = failedAtTask();
        Decision first = Interpreter.advance(exec, new Trigger.Redrive(), LATER);
        Interpreter.advance(exec, new Trigger.TaskFailed(task(first).taskId(), "Boom", Optional.empty()), LATER);

        Decision second = Interpreter.advance(exec, new Trigger.Redrive(), LATER.plusSeconds(1));

        assertThat(second.events().get(0).details()).isEqualTo(new EventDetails.Redriven(Optional.empty(), 2));
        assertThat(task(second).input()).isEqualTo(json("{'p':'kept','count':2}"));
    }

    @Test
    void redrive_runningOrSucceededExecution_isIgnored() {
        Interpreter.Started running = Interpreter.start(PASS_TASK, info(json("{}")), T0);
        StateMachine pass = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}");
        Interpreter.Started succeeded = Interpreter.start(pass, info(json("{}")), T0);

        assertThat(Interpreter.advance(running.execution(), new Trigger.Redrive(), LATER).events()).isEmpty();
        assertThat(Interpreter.advance(succeeded.execution(), new Trigger.Redrive(), LATER).events()).isEmpty();
        assertThat(succeeded.execution().redriveCount()).isZero();
    }

    @Test
    void redrive_stoppedExecution_reentersTheStateItWasIn() {
        Interpreter.Started s = Interpreter.start(PASS_TASK, info(json("{}")), T0);
        Interpreter.advance(s.execution(), new Trigger.Stop(Optional.empty(), Optional.empty()), T0);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.ABORTED);
        long stale = task(s.decision()).taskId();

        Decision d = Interpreter.advance(s.execution(), new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).containsExactly("ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted");
        // The task of the stopped attempt is gone; only the new invocation counts.
        assertThat(Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(stale, json("{}")), LATER).events()).isEmpty();
    }

    @Test
    void redrive_failedParallel_reentersTheParallelState() {
        StateMachine m = parse("{'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}]}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Interpreter.advance(s.execution(), new Trigger.TaskFailed(task(s.decision()).taskId(), "Boom", Optional.empty()), T0);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.FAILED);

        Decision d = Interpreter.advance(s.execution(), new Trigger.Redrive(), LATER);
        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(task(d).taskId(), json("'b'")), LATER);

        assertThat(types(d.events())).startsWith("ExecutionRedriven", "ParallelStateEntered");
        assertThat(s.execution().output()).contains(json("[{},'b']"));
    }
}
