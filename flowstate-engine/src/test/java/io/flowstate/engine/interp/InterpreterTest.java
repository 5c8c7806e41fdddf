package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    private static List<Long> previous(List<HistoryEvent> events) {
        return events.stream().map(HistoryEvent::previousEventId).toList();
    }

    @Test
    void start_passChain_runsToTheEndInOneDecision() {
        StateMachine m = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'x':1}")), T0);

        assertThat(types(s.decision().events())).containsExactly("ExecutionStarted", "PassStateEntered",
                "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(previous(s.decision().events())).containsExactly(0L, 0L, 2L, 3L, 4L, 5L);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output()).contains(json("{'x':1}"));
        assertThat(s.decision().effects()).singleElement().isInstanceOf(Effect.Complete.class);
    }

    @Test
    void start_waitState_returnsTimerInsteadOfSleeping() {
        StateMachine m = parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':86400,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        Effect.StartTimer timer = (Effect.StartTimer) s.decision().effects().get(0);
        assertThat(timer.dueAt()).isEqualTo(T0.plusSeconds(86400));
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);

        Instant later = timer.dueAt();
        Decision d = Interpreter.advance(s.execution(), new Trigger.TimerFired(timer.timerId()), later);
        assertThat(types(d.events())).containsExactly("WaitStateExited", "ExecutionSucceeded");
        assertThat(d.events().get(0).timestamp()).isEqualTo(later);
    }

    @Test
    void advance_activityTaskStarted_activityStartedOnceWithWorkerName() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:us-east-1:123456789012:activity:a','End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);
        assertThat(types(s.decision().events())).endsWith("ActivityScheduled");

        Decision started = Interpreter.advance(s.execution(), new Trigger.TaskStarted(call.taskId(), Optional.of("w")), T0);
        Decision again = Interpreter.advance(s.execution(), new Trigger.TaskStarted(call.taskId(), Optional.of("w")), T0);

        assertThat(types(started.events())).containsExactly("ActivityStarted");
        assertThat(started.events().get(0).details())
                .isEqualTo(new io.flowstate.engine.history.EventDetails.ActivityStarted(Optional.of("w")));
        assertThat(again.events()).isEmpty();
    }

    @Test
    void advance_staleTimer_isIgnored() {
        StateMachine m = parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.TimerFired(999), T0);
        assertThat(d.events()).isEmpty();
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void advance_taskFailureWithRetry_schedulesBackoffTimerThenRetries() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':2,'BackoffRate':3,'MaxAttempts':1}],'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);

        Decision failed = Interpreter.advance(s.execution(), new Trigger.TaskFailed(call.taskId(), "Boom", Optional.of("c")), T0);
        assertThat(types(failed.events())).containsExactly("LambdaFunctionFailed");
        Effect.StartTimer backoff = (Effect.StartTimer) failed.effects().get(0);
        assertThat(backoff.dueAt()).isEqualTo(T0.plusSeconds(2));

        Decision retried = Interpreter.advance(s.execution(), new Trigger.TimerFired(backoff.timerId()), backoff.dueAt());
        assertThat(types(retried.events())).containsExactly("LambdaFunctionScheduled", "LambdaFunctionStarted");
        Effect.InvokeTask second = (Effect.InvokeTask) retried.effects().get(0);
        assertThat(second.attempt()).isEqualTo(1);

        Decision end = Interpreter.advance(s.execution(), new Trigger.TaskFailed(second.taskId(), "Boom", Optional.of("c")), T0);
        assertThat(types(end.events())).containsExactly("LambdaFunctionFailed", "ExecutionFailed");
        assertThat(s.execution().failure()).contains(StateFailure.of("Boom", "c"));
    }

    @Test
    void advance_taskFailureWithCatch_movesToHandlerWithErrorOutput() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'H'}],'End':true},'H':{'Type':'Pass','End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.TaskFailed(call.taskId(), "Boom", Optional.of("why")), T0);

        assertThat(types(d.events())).containsExactly("TaskFailed", "TaskStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded");
        assertThat(s.execution().output()).contains(json("{'Error':'Boom','Cause':'why'}"));
    }

    @Test
    void advance_taskTimeout_failsWithStatesTimeoutAndIgnoresLateResult() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'TimeoutSeconds':5,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);
        Effect.StartTimer timeout = (Effect.StartTimer) s.decision().effects().get(1);

        Decision d = Interpreter.advance(s.execution(), new Trigger.TimerFired(timeout.timerId()), T0.plusSeconds(5));
        assertThat(types(d.events())).containsExactly("TaskTimedOut", "ExecutionFailed");
        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.Timeout");

        Decision late = Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(call.taskId(), json("{}")), T0.plusSeconds(6));
        assertThat(late.events()).isEmpty();
    }

    @Test
    void start_parallel_collectsBranchOutputsInOrder() {
        StateMachine m = parse("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':1,'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','Result':2,'End':true}}}]}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        assertThat(s.execution().output()).contains(json("[1,2]"));
        assertThat(types(s.decision().events())).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
                "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
    }

    @Test
    void start_mapOverItems_runsIterationsWithAwsEventIds() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,'MaxConcurrency':1,"
                + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("[1,2]")), T0);

        List<HistoryEvent> e = s.decision().events();
        assertThat(types(e)).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        // As recorded from AWS: the next iteration follows the previous one's last state event, and
        // MapStateSucceeded/Exited both follow the last MapIterationSucceeded.
        assertThat(previous(e)).containsExactly(0L, 0L, 2L, 3L, 4L, 5L, 6L, 6L, 8L, 9L, 10L, 11L, 11L, 13L);
        assertThat(s.execution().output()).contains(json("[1,2]"));
    }

    @Test
    void advance_stop_abortsWaitingExecution() {
        StateMachine m = parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':50,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.Stop(Optional.empty(), Optional.empty()), T0);
        assertThat(d.events()).extracting(HistoryEvent::type).contains(EventType.EXECUTION_ABORTED);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void start_executionTimeout_timesOutWaitingExecution() {
        StateMachine m = parse("{'TimeoutSeconds':10,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':50,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.StartTimer executionTimeout = (Effect.StartTimer) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), new Trigger.TimerFired(executionTimeout.timerId()), T0.plusSeconds(10));
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void start_choiceWithoutMatchOrDefault_failsWithNoChoiceMatched() {
        StateMachine m = parse("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.x','NumericEquals':1,'Next':'D'}]},"
                + "'D':{'Type':'Succeed'}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'x':2}")), T0);

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.NoChoiceMatched");
    }

    /**
     * AWS records a missed heartbeat as {@code States.Timeout} (the recorded {@code heartbeats.heartbeat_timeout}
     * case); {@code States.HeartbeatTimeout} is "only available inside the Catch and Retry fields".
     */
    @Test
    void advance_noHeartbeatInTime_failsWithStatesTimeout() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:a',"
                + "'TimeoutSeconds':100,'HeartbeatSeconds':10,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);
        Effect.StartTimer heartbeat = (Effect.StartTimer) s.decision().effects().get(2);
        assertThat(heartbeat.dueAt()).isEqualTo(T0.plusSeconds(10));

        Decision beat = Interpreter.advance(s.execution(), new Trigger.TaskHeartbeat(call.taskId()), T0.plusSeconds(5));
        Effect.StartTimer next = (Effect.StartTimer) beat.effects().get(0);
        assertThat(next.dueAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(Interpreter.advance(s.execution(), new Trigger.TimerFired(heartbeat.timerId()), T0.plusSeconds(10)).events())
                .as("the heartbeat replaced the first timeout").isEmpty();

        Decision d = Interpreter.advance(s.execution(), new Trigger.TimerFired(next.timerId()), T0.plusSeconds(15));
        assertThat(types(d.events())).containsExactly("ActivityTimedOut", "ExecutionFailed");
        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.Timeout");
    }

    @Test
    void start_taskWithCredentialsPath_recordsTaskCredentialsAndCallsWithTheRole() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'Credentials':{'RoleArn.$':'$.role'},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'role':'arn:aws:iam::123456789012:role/r'}")), T0);

        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);
        assertThat(call.roleArn()).contains("arn:aws:iam::123456789012:role/r");
        assertThat(io.flowstate.engine.history.HistoryJson.history(s.decision().events(), io.flowstate.engine.history.PayloadWriter.COMPACT).toString())
                .contains("\"taskCredentials\":{\"roleArn\":\"arn:aws:iam::123456789012:role/r\"}");
    }

    @Test
    void start_jsonataCredentials_evaluatesTheRole() {
        StateMachine m = parse("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke','Credentials':{'RoleArn':'{% $states.input.role %}'},"
                + "'Arguments':{'FunctionName':'f'},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'role':'arn:aws:iam::123456789012:role/j'}")), T0);

        assertThat(((Effect.InvokeTask) s.decision().effects().get(0)).roleArn()).contains("arn:aws:iam::123456789012:role/j");
    }

    @Test
    void advance_noHeartbeatInTime_caughtByHeartbeatTimeoutCatcher() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:a',"
                + "'HeartbeatSeconds':10,'Catch':[{'ErrorEquals':['States.HeartbeatTimeout'],'Next':'C'}],'End':true},"
                + "'C':{'Type':'Succeed'}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.StartTimer heartbeat = (Effect.StartTimer) s.decision().effects().get(1);

        Interpreter.advance(s.execution(), new Trigger.TimerFired(heartbeat.timerId()), T0.plusSeconds(10));

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output().orElseThrow().toString())
                .isEqualTo("{\"Error\":\"States.Timeout\",\"Cause\":\"\"}");
    }

    @Test
    void start_loopBeyondHistoryQuota_failsAtEvent25000() {
        StateMachine m = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'C'},"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$.stop','IsPresent':true,'Next':'E'}],'Default':'A'},"
                + "'E':{'Type':'Succeed'}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        List<HistoryEvent> h = s.execution().history();
        assertThat(h).hasSize(25_000);
        assertThat(h.get(24_999).type()).isEqualTo(EventType.EXECUTION_FAILED);
        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.Runtime");
    }

    /**
     * Regression: a JSONPath Choice applied the state's Assign before evaluating the matching rule's Assign,
     * so the rule saw the new value; AWS evaluates both against the values as of state entry.
     */
    @Test
    void start_choiceAssigns_bothSeeValuesAsOfStateEntry() {
        StateMachine m = parse("{'StartAt':'P','States':{'P':{'Type':'Pass','Assign':{'x':1},'Next':'C'},"
                + "'C':{'Type':'Choice','Assign':{'x':2},'Choices':[{'Variable':'$.go','IsPresent':true,"
                + "'Assign':{'y.$':'$x'},'Next':'E'}]},'E':{'Type':'Pass','Parameters':{'x.$':'$x','y.$':'$y'},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'go':true}")), T0);

        assertThat(s.execution().output()).contains(json("{'x':2,'y':1}"));
    }
}
