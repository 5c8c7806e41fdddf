package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateTestTest {
    private static StateTest.Setup setup(String input, Optional<StateTest.Mock> mock, StateTest.Configuration config) {
        return new StateTest.Setup(info(json(input)), Map.of(), Optional.empty(), true, mock, config);
    }

    @Test
    void start_passWithNext_stopsAtNextWithInspectionData() {
        StateMachine m = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'$.x','ResultPath':'$.y','Next':'B'},"
                + "'B':{'Type':'Fail'}}}");
        Interpreter.Started s = StateTest.start(m, "A", setup("{\"x\":{\"v\":1}}", Optional.empty(),
                StateTest.Configuration.NONE), T0);

        StateTest.Outcome o = StateTest.outcome(s.execution()).orElseThrow();
        assertThat(o.status()).isEqualTo(StateTest.Status.SUCCEEDED);
        assertThat(o.nextState()).contains("B");
        assertThat(o.output()).contains("{\"x\":{\"v\":1},\"y\":{\"v\":1}}");
        assertThat(o.inspectionData().path("afterInputPath").asText()).isEqualTo("{\"v\":1}");
        assertThat(s.execution().history()).isEmpty();
    }

    @Test
    void advance_taskMockError_caughtWithCatchIndexAndNextState() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'Catch':[{'ErrorEquals':['Other'],'Next':'X'},{'ErrorEquals':['Boom'],'Next':'Y'}],'End':true},"
                + "'X':{'Type':'Succeed'},'Y':{'Type':'Succeed'}}}");
        StateTest.Mock mock = new StateTest.Mock.Error("Boom", Optional.of("why"));
        Interpreter.Started s = StateTest.start(m, "T", setup("{}", Optional.of(mock), StateTest.Configuration.NONE), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), mock.trigger(call.taskId()), T0);

        StateTest.Outcome o = StateTest.outcome(s.execution()).orElseThrow();
        assertThat(o.status()).isEqualTo(StateTest.Status.CAUGHT_ERROR);
        assertThat(o.error()).contains("Boom");
        assertThat(o.cause()).contains("why");
        assertThat(o.nextState()).contains("Y");
        assertThat(o.inspectionData().path("errorDetails").path("catchIndex").asInt()).isEqualTo(1);
    }

    @Test
    void advance_retrierWithSpentRetries_retriableWithBackoffOrFailedWhenExhausted() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'Retry':[{'ErrorEquals':['Boom'],'IntervalSeconds':1,'BackoffRate':2,'MaxAttempts':3}],'End':true}}}");
        StateTest.Mock mock = new StateTest.Mock.Error("Boom", Optional.empty());
        for (int spent : new int[] {2, 3}) {
            StateTest.Configuration config = new StateTest.Configuration(java.util.OptionalInt.of(spent),
                    java.util.OptionalInt.empty(), Optional.empty(), Optional.empty());
            Interpreter.Started s = StateTest.start(m, "T", setup("{}", Optional.of(mock), config), T0);
            Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);
            Interpreter.advance(s.execution(), mock.trigger(call.taskId()), T0);

            StateTest.Outcome o = StateTest.outcome(s.execution()).orElseThrow();
            if (spent == 2) {
                assertThat(o.status()).isEqualTo(StateTest.Status.RETRIABLE);
                assertThat(o.inspectionData().path("errorDetails").path("retryBackoffIntervalSeconds").asInt()).isEqualTo(4);
            } else {
                assertThat(o.status()).isEqualTo(StateTest.Status.FAILED);
                assertThat(o.inspectionData().path("errorDetails").has("retryBackoffIntervalSeconds")).isFalse();
            }
        }
    }

    @Test
    void start_mockedMapOverToleratedFailures_failsWithThresholdError() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ToleratedFailureCount':1,"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        StateTest.Mock mock = new StateTest.Mock.Result(json("[1,2,3]"), "[1, 2, 3]");
        StateTest.Configuration config = new StateTest.Configuration(java.util.OptionalInt.empty(),
                java.util.OptionalInt.of(2), Optional.empty(), Optional.empty());

        Interpreter.Started s = StateTest.start(m, "M", setup("[0,0,0]", Optional.of(mock), config), T0);

        StateTest.Outcome o = StateTest.outcome(s.execution()).orElseThrow();
        assertThat(o.status()).isEqualTo(StateTest.Status.FAILED);
        assertThat(o.error()).contains("States.ExceedToleratedFailureThreshold");
        assertThat(o.inspectionData().path("toleratedFailureCount").asInt()).isEqualTo(1);
    }

    @Test
    void machineOf_stateInsideItemProcessor_findsTheProcessor() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map',"
                + "'ItemProcessor':{'StartAt':'Inner','States':{'Inner':{'Type':'Pass','End':true}}},'End':true}}}");

        assertThat(StateTest.machineOf(m, "Inner").orElseThrow().startAt()).isEqualTo("Inner");
        assertThat(StateTest.machineOf(m, "None")).isEmpty();
    }
}
