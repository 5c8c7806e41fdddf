package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Execution#activeStates()}: where an execution is, nested states included. */
class ActiveStatesTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    @Test
    void activeStates_parallelWithTaskAndWait_listsTheParallelThenEachBranchState() {
        Interpreter.Started s = Interpreter.start(parse("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
                + "'Branches':[{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','End':true}}},"
                + "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}}]}}}"), info(json("{}")), T0);

        assertThat(s.execution().activeStates()).containsExactly("P", "T", "W");
    }

    @Test
    void activeStates_taskFailedIntoCatch_isTheCatchTargetOnly() {
        Interpreter.Started s = Interpreter.start(parse("{'StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'" + FN + "','Catch':[{'ErrorEquals':['States.ALL'],'Next':'W'}],'End':true},"
                + "'W':{'Type':'Wait','Seconds':5,'End':true}}}"), info(json("{}")), T0);
        Effect.InvokeTask call = (Effect.InvokeTask) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), new Trigger.TaskFailed(call.taskId(), "E", java.util.Optional.empty()), T0);

        assertThat(s.execution().activeStates()).containsExactly("W");
    }

    @Test
    void activeStates_ended_isEmpty() {
        Interpreter.Started s = Interpreter.start(parse("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"),
                info(json("{}")), T0);

        assertThat(s.execution().activeStates()).isEmpty();
    }
}
