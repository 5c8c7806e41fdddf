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

/**
 * RedriveExecution of Parallel and inline Map states: only the branches and iterations that failed, were
 * aborted or never started run again; the others keep their outputs, and the result stays in order.
 */
class RedriveChildrenTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final Instant LATER = T0.plusSeconds(3600);

    private static String map(int maxConcurrency) {
        return "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':" + maxConcurrency + ",'End':true,"
                + "'ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','Parameters':{'item.$':'$'},'Next':'T'},"
                + "'T':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}}}}";
    }

    private static List<Effect.InvokeTask> tasks(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance).map(Effect.InvokeTask.class::cast)
                .toList();
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    /** The indexes of the MapIterationStarted events among {@code events}. */
    private static List<Integer> iterationsStarted(List<HistoryEvent> events) {
        return events.stream().filter(e -> e.type() == EventType.MAP_ITERATION_STARTED)
                .map(e -> ((EventDetails.MapIteration) e.details()).index()).toList();
    }

    private static long count(Execution exec, EventType type, String name) {
        return exec.history().stream().filter(e -> e.type() == type
                && ((EventDetails.StateEntered) e.details()).name().equals(name)).count();
    }

    private static Decision succeed(Execution exec, Effect.InvokeTask t) {
        return Interpreter.advance(exec, new Trigger.TaskSucceeded(t.taskId(), json("{'done':" + t.input() + "}")), LATER);
    }

    @Test
    void redrive_mapWithFailedAndAbortedIterations_rerunsOnlyThoseAndKeepsTheOrder() {
        Interpreter.Started s = Interpreter.start(parse(map(0)), info(json("[0,1,2,3]")), T0);
        Execution exec = s.execution();
        List<Effect.InvokeTask> first = tasks(s.decision());
        assertThat(first).hasSize(4);
        succeed(exec, first.get(0));
        Interpreter.advance(exec, new Trigger.TaskFailed(first.get(1).taskId(), "Boom", Optional.empty()), T0);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).startsWith("ExecutionRedriven", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "TaskStateEntered");
        assertThat(d.events().get(2).details()).isEqualTo(new EventDetails.MapStateStarted(4));
        assertThat(iterationsStarted(d.events())).containsExactly(1, 2, 3);
        List<Effect.InvokeTask> again = tasks(d);
        // Each iteration runs on from its Task: its Pass state's output is kept, not computed again.
        assertThat(again).extracting(Effect.InvokeTask::input)
                .containsExactly(json("{'item':1}"), json("{'item':2}"), json("{'item':3}"));
        assertThat(count(exec, EventType.PASS_STATE_ENTERED, "P")).isEqualTo(4);

        succeed(exec, again.get(2));
        succeed(exec, again.get(0));
        Decision end = succeed(exec, again.get(1));

        assertThat(types(end.events())).endsWith("MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        assertThat(exec.output()).contains(json("[{'done':{'item':0}},{'done':{'item':1}},{'done':{'item':2}},"
                + "{'done':{'item':3}}]"));
    }

    @Test
    void redrive_mapWithItemsNotStarted_startsThemAfterTheFailedOneWithinMaxConcurrency() {
        Interpreter.Started s = Interpreter.start(parse(map(1)), info(json("[0,1,2]")), T0);
        Execution exec = s.execution();
        Decision second = succeed(exec, tasks(s.decision()).get(0));
        Interpreter.advance(exec, new Trigger.TaskFailed(tasks(second).get(0).taskId(), "Boom", Optional.empty()), T0);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(iterationsStarted(d.events())).containsExactly(1);
        assertThat(tasks(d)).singleElement().extracting(Effect.InvokeTask::input).isEqualTo(json("{'item':1}"));
        Decision next = succeed(exec, tasks(d).get(0));
        assertThat(iterationsStarted(next.events())).containsExactly(2);
        succeed(exec, tasks(next).get(0));
        assertThat(exec.output()).contains(json("[{'done':{'item':0}},{'done':{'item':1}},{'done':{'item':2}}]"));
    }

    @Test
    void redrive_parallelWithOneFailedBranch_rerunsOnlyThatBranch() {
        StateMachine m = parse("{'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}]}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Execution exec = s.execution();
        List<Effect.InvokeTask> first = tasks(s.decision());
        Interpreter.advance(exec, new Trigger.TaskSucceeded(first.get(0).taskId(), json("'a'")), T0);
        Interpreter.advance(exec, new Trigger.TaskFailed(first.get(1).taskId(), "Boom", Optional.empty()), T0);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).containsExactly("ExecutionRedriven", "ParallelStateEntered",
                "ParallelStateStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted");
        assertThat(((EventDetails.StateEntered) d.events().get(3).details()).name()).isEqualTo("B");
        assertThat(d.events().get(3).previousEventId()).isEqualTo(d.events().get(2).id());
        Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(d).get(0).taskId(), json("'b'")), LATER);
        assertThat(exec.output()).contains(json("['a','b']"));
    }

    @Test
    void redrive_mapNestedInParallel_rerunsOnlyTheFailedIterationOfTheFailedBranch() {
        StateMachine m = parse("{'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':'a','End':true}}},"
                + "{'StartAt':'Inner','States':{'Inner':{'Type':'Map','ItemsPath':'$.items','End':true,"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}}}}"
                + "]}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'items':[10,20]}")), T0);
        Execution exec = s.execution();
        List<Effect.InvokeTask> first = tasks(s.decision());
        Interpreter.advance(exec, new Trigger.TaskSucceeded(first.get(0).taskId(), json("'ten'")), T0);
        Interpreter.advance(exec, new Trigger.TaskFailed(first.get(1).taskId(), "Boom", Optional.empty()), T0);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).startsWith("ExecutionRedriven", "ParallelStateEntered", "ParallelStateStarted",
                "MapStateEntered", "MapStateStarted", "MapIterationStarted");
        assertThat(types(d.events())).doesNotContain("PassStateEntered");
        assertThat(iterationsStarted(d.events())).containsExactly(1);
        assertThat(tasks(d)).singleElement().extracting(Effect.InvokeTask::input).isEqualTo(json("20"));
        Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(d).get(0).taskId(), json("'twenty'")), LATER);
        assertThat(exec.output()).contains(json("['a',['ten','twenty']]"));
    }

    @Test
    void redrive_stoppedInsideMap_rerunsTheRunningIterationsAndKeepsTheSucceeded() {
        Interpreter.Started s = Interpreter.start(parse(map(0)), info(json("[0,1,2]")), T0);
        Execution exec = s.execution();
        succeed(exec, tasks(s.decision()).get(1));
        Interpreter.advance(exec, new Trigger.Stop(Optional.empty(), Optional.empty()), T0);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.ABORTED);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(iterationsStarted(d.events())).containsExactly(0, 2);
        List<Effect.InvokeTask> again = tasks(d);
        succeed(exec, again.get(0));
        succeed(exec, again.get(1));
        assertThat(exec.output()).contains(json("[{'done':{'item':0}},{'done':{'item':1}},{'done':{'item':2}}]"));
    }

    @Test
    void redrive_mapFailedThenCaughtByLaterState_reentersThatStateOnly() {
        // The Map succeeded on its second attempt long ago; the state that failed later is the one entered again.
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','Next':'T',"
                + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}},"
                + "'T':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("[1,2]")), T0);
        Interpreter.advance(s.execution(), new Trigger.TaskFailed(tasks(s.decision()).get(0).taskId(), "Boom",
                Optional.empty()), T0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).containsExactly("ExecutionRedriven", "TaskStateEntered",
                "LambdaFunctionScheduled", "LambdaFunctionStarted");
        assertThat(tasks(d).get(0).input()).isEqualTo(json("[1,2]"));
    }

    @Test
    void redrive_mapWhoseIterationFailsAgain_keepsTheResultsOfBothAttempts() {
        Interpreter.Started s = Interpreter.start(parse(map(0)), info(json("[0,1,2]")), T0);
        Execution exec = s.execution();
        List<Effect.InvokeTask> first = tasks(s.decision());
        succeed(exec, first.get(0));
        Interpreter.advance(exec, new Trigger.TaskFailed(first.get(2).taskId(), "Boom", Optional.empty()), T0);
        Decision second = Interpreter.advance(exec, new Trigger.Redrive(), LATER);
        List<Effect.InvokeTask> again = tasks(second);
        succeed(exec, again.get(0));
        Interpreter.advance(exec, new Trigger.TaskFailed(again.get(1).taskId(), "Boom", Optional.empty()), LATER);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);

        Decision third = Interpreter.advance(exec, new Trigger.Redrive(), LATER.plusSeconds(1));

        assertThat(iterationsStarted(third.events())).containsExactly(2);
        Decision end = succeed(exec, tasks(third).get(0));
        assertThat(types(end.events())).endsWith("ExecutionSucceeded");
        assertThat(exec.output()).contains(json("[{'done':{'item':0}},{'done':{'item':1}},{'done':{'item':2}}]"));
        assertThat(exec.redriveCount()).isEqualTo(2);
    }

    @Test
    void redrive_timedOutInsideParallel_rerunsOnlyTheBranchThatWasStillRunning() {
        StateMachine m = parse("{'TimeoutSeconds':10,'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,"
                + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}},"
                + "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}]}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Execution exec = s.execution();
        Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(s.decision()).get(0).taskId(), json("'a'")), T0);
        Effect.StartTimer timeout = s.decision().effects().stream().filter(Effect.StartTimer.class::isInstance)
                .map(Effect.StartTimer.class::cast).filter(t -> t.dueAt().equals(T0.plusSeconds(10))).findFirst()
                .orElseThrow();
        Interpreter.advance(exec, new Trigger.TimerFired(timeout.timerId()), T0.plusSeconds(10));
        assertThat(exec.status()).isEqualTo(ExecutionStatus.TIMED_OUT);

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(types(d.events())).containsExactly("ExecutionRedriven", "ParallelStateEntered",
                "ParallelStateStarted", "WaitStateEntered");
        assertThat(d.effects()).hasSize(2).allMatch(Effect.StartTimer.class::isInstance);
        Effect.StartTimer wait = d.effects().stream().map(Effect.StartTimer.class::cast)
                .filter(t -> t.dueAt().equals(LATER.plusSeconds(100))).findFirst().orElseThrow();
        Interpreter.advance(exec, new Trigger.TimerFired(wait.timerId()), LATER.plusSeconds(100));
        // A's task result from before the timeout is kept.
        assertThat(exec.output()).contains(json("['a',{}]"));
    }
}
