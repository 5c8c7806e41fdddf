package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AWS's variable scopes: inner scopes (Parallel branches, Map iterations) read the outer variables but neither
 * assign nor shadow them; sibling scopes are isolated; a Catch on a Parallel or Map assigns in the outer scope;
 * a Distributed Map iteration sees no outer variable.
 */
class VariableScopesTest {
    private static Interpreter.Started run(String definition) {
        return Interpreter.start(parse(definition), info(json("{}")), T0);
    }

    private static String parallel(String queryLanguage, String branchAssign) {
        return "{'QueryLanguage':'" + queryLanguage + "','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'x':1},'Next':'P'},"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{"
                + "'B':{'Type':'Pass','Assign':" + branchAssign + ",'End':true}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},"
                + "'Caught':{'Type':'Succeed'}}}";
    }

    @Test
    void start_branchAssignsAnOuterVariable_failsWithStatesRuntimeThatCatchAllDoesNotHandle() {
        Interpreter.Started s = run(parallel("JSONata", "{'x':2}"));

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.FAILED);
        StateFailure f = s.execution().failure().orElseThrow();
        assertThat(f.error()).isEqualTo("States.Runtime");
        assertThat(f.cause().orElseThrow()).startsWith("An error occurred while executing the state 'B'")
                .contains("The variable 'x' cannot be assigned in a Parallel branch or Map iteration");
    }

    @Test
    void start_jsonPathBranchAssignsAnOuterVariable_failsTheSameWay() {
        Interpreter.Started s = run(parallel("JSONPath", "{'x.$':'$'}"));

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.Runtime");
    }

    @Test
    void start_branchAssignsItsOwnVariable_succeedsAndReadsTheOuterOne() {
        Interpreter.Started s = run(parallel("JSONata", "{'y':'{% $x + 1 %}'}").replace("'End':true}}}]",
                "'Next':'C'},'C':{'Type':'Pass','Output':'{% $y %}','End':true}}}]"));

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[2]");
    }

    @Test
    void start_siblingBranchesAssignTheSameName_eachSeesOnlyItsOwn() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{"
                + "'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'B1','States':{'B1':{'Type':'Pass','Assign':{'v':'one'},'Next':'R1'},"
                + "'R1':{'Type':'Pass','Output':'{% $v %}','End':true}}},"
                + "{'StartAt':'B2','States':{'B2':{'Type':'Pass','Assign':{'v':'two'},'Next':'R2'},"
                + "'R2':{'Type':'Pass','Output':'{% $v %}','End':true}}}],'End':true}}}");

        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[\"one\",\"two\"]");
    }

    @Test
    void start_mapIterationsAssignTheSameName_doNotSeeOneAnother() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'M','States':{"
                + "'M':{'Type':'Map','Items':[1,2,3],'ItemProcessor':{'StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'seen':'{% $exists($seen) %}','v':'{% $states.input %}'},"
                + "'Next':'R'},"
                + "'R':{'Type':'Pass','Output':'{% [$seen, $v] %}','End':true}}},'End':true}}}");

        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[[false,1],[false,2],[false,3]]");
    }

    @Test
    void start_catchOnParallel_assignsTheOuterVariable() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'x':1},'Next':'P'},"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'F','States':{"
                + "'F':{'Type':'Fail','Error':'Boom'}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'x':'{% $x + 1 %}'},'Next':'R'}],'End':true},"
                + "'R':{'Type':'Pass','Output':'{% $x %}','End':true}}}");

        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("2");
    }

    @Test
    void start_distributedMapIteration_mayAssignANameTheOuterScopeHolds() {
        // Its iterations are child executions: they see no outer variable, so there is nothing to shadow.
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'x':1},'Next':'M'},"
                + "'M':{'Type':'Map','Items':[5],'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'B','States':{"
                + "'B':{'Type':'Pass','Assign':{'x':'{% $states.input %}'},'Next':'R'},"
                + "'R':{'Type':'Pass','Output':'{% $x %}','End':true}}},'Next':'After'},"
                + "'After':{'Type':'Pass','Output':'{% [$x, $states.input] %}','End':true}}}");

        assertThat(s.execution().output().orElseThrow().toString()).isEqualTo("[1,5]");
    }
}
