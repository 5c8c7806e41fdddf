package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSONata states and workflow variables, as AWS runs them. */
class JsonataInterpreterTest {
    private static Interpreter.Started run(String definition, String input) {
        return Interpreter.start(parse(definition), info(json(input)), T0);
    }

    private static List<String> types(Interpreter.Started s) {
        return s.decision().events().stream().map(e -> e.type().awsName()).toList();
    }

    @Test
    void start_assignAndOutput_seeVariablesAsOfStateEntry() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'x':1},'Next':'B'},"
                + "'B':{'Type':'Pass','Assign':{'x':'{% $x + 1 %}','old':'{% $x %}'},"
                + "'Output':{'seen':'{% $x %}','in':'{% $states.input.v %}'},'Next':'C'},"
                + "'C':{'Type':'Pass','Output':['{% $x %}','{% $old %}'],'End':true}}}", "{'v':7}");

        HistoryEvent exitedB = s.decision().events().get(4);
        assertThat(exitedB.details()).isInstanceOfSatisfying(EventDetails.StateExited.class, d -> {
            assertThat(d.output().toString()).isEqualTo("{\"seen\":1,\"in\":7}");
            assertThat(d.assignedVariables().orElseThrow()).containsOnlyKeys("x", "old");
        });
        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[2,1]");
    }

    @Test
    void start_undefinedArguments_recordsEvaluationFailedAndTheCatchSeesTheError() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Arguments':'{% $nope %}',"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Output':'{% $states.errorOutput.Error %}',"
                + "'Next':'Done'}],'End':true},"
                + "'Done':{'Type':'Succeed'}}}", "{}");

        assertThat(types(s)).containsExactly("ExecutionStarted", "TaskStateEntered", "EvaluationFailed",
                "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        HistoryEvent failed = s.decision().events().get(2);
        assertThat(failed.previousEventId()).isZero();
        assertThat(failed.details()).isInstanceOfSatisfying(EventDetails.EvaluationFailed.class, d -> {
            assertThat(d.location()).contains("Arguments");
            assertThat(d.cause()).isEqualTo("An error occurred while executing the state 'T' (entered at the event"
                    + " id #2). The JSONata expression '$nope' specified for the field 'Arguments' returned nothing"
                    + " (undefined).");
        });
        assertThat(s.execution().output().orElseThrow().textValue()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void start_choiceCondition_picksTheFirstTrueRuleAndItsOutput() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'C','States':{"
                + "'C':{'Type':'Choice','Choices':["
                + "{'Condition':'{% $states.input.n > 5 %}','Output':'big','Next':'End'},"
                + "{'Condition':true,'Output':'small','Next':'End'}],'Default':'End'},"
                + "'End':{'Type':'Succeed'}}}", "{'n':3}");

        assertThat(s.execution().output().orElseThrow().textValue()).isEqualTo("small");
    }

    @Test
    void start_mapIteration_readsOuterVariablesAndItsResultIsTheDefaultOutput() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'base':10},'Next':'M'},"
                + "'M':{'Type':'Map','Items':'{% $states.input.items %}','ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','Output':'{% $states.input + $base %}','End':true}}},'End':true}}}",
                "{'items':[1,2]}");

        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[11,12]");
    }

    @Test
    void start_itemsNotAnArray_failsTheMapWithAwsCause() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'M','States':{"
                + "'M':{'Type':'Map','Items':'{% 1 %}','ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','End':true}}},'End':true}}}", "{}");

        assertThat(types(s)).containsExactly("ExecutionStarted", "MapStateEntered", "EvaluationFailed",
                "MapStateFailed", "ExecutionFailed");
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(s.decision().events().get(4).type()).isEqualTo(EventType.EXECUTION_FAILED);
    }

    @Test
    void start_distributedMapItem_doesNotSeeOuterVariables() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'base':10},'Next':'M'},"
                + "'M':{'Type':'Map','Items':[1],'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','Output':'{% $base %}','End':true}}},'End':true}}}", "{}");

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.FAILED);
    }
}
