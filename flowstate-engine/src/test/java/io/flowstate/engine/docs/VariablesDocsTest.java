package io.flowstate.engine.docs;

import static io.flowstate.engine.docs.DocRun.assertJson;
import static io.flowstate.engine.docs.DocRun.error;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's "Passing data between states with variables" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): Assign in each state type, reading
 * a variable in a later state (JSONata {@code $name}, JSONPath {@code "key.$": "$name"}), evaluation at state entry
 * (Assign and Output in the same state see the values as of entry), scope in Map and Parallel, and Assign in a
 * Catch.
 */
class VariablesDocsTest {
    private static final String LAMBDA = "arn:aws:states:::lambda:invoke";

    /** The page's Assign object, read in a later state with {@code $productName}. */
    @Test
    void assign_constantValues_laterStatesReadThem() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass','Assign':{"
                + "'productName':'product1','count':42,'available':true},'Next':'B'},"
                + "'B':{'Type':'Pass','Output':{'name':'{% $productName %}','count':'{% $count %}',"
                + "'available':'{% $available %}'},'End':true}}}", "{}");

        assertJson(r.output(), "{'name':'product1','count':42,'available':true}");
    }

    /** JSONPath states read variables as paths: {@code "key.$": "$productName"}. */
    @Test
    void jsonPathParameters_variablePath_readsTheVariable() {
        DocRun r = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'productName':'product1',"
                + "'details':{'count':42}},'Next':'B'},'B':{'Type':'Pass','Parameters':{'name.$':'$productName',"
                + "'count.$':'$details.count'},'End':true}}}", "{}");

        assertJson(r.output(), "{'name':'product1','count':42}");
    }

    /**
     * "Variable evaluation order": every expression in Assign sees the values as of state entry, so
     * {@code {"x": "{% $a %}", "nextX": "{% $x %}"}} with x = 3 and a = 6 gives x = 6 and nextX = 3.
     */
    @Test
    void assign_referencesAnotherAssignedName_seesTheValueAtStateEntry() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{'Init':{'Type':'Pass',"
                + "'Assign':{'x':3,'a':6},'Next':'Step'},'Step':{'Type':'Pass','Assign':{'x':'{% $a %}',"
                + "'nextX':'{% $x %}'},'Next':'Show'},'Show':{'Type':'Pass','Output':{'x':'{% $x %}',"
                + "'nextX':'{% $nextX %}'},'End':true}}}", "{}");

        assertJson(r.output(), "{'x':6,'nextX':3}");
    }

    /** Swapping two variables works, as both right-hand sides are read before either is assigned. */
    @Test
    void assign_swap_exchangesTheValues() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{'Init':{'Type':'Pass',"
                + "'Assign':{'x':1,'y':2},'Next':'Swap'},'Swap':{'Type':'Pass','Assign':{'x':'{% $y %}',"
                + "'y':'{% $x %}'},'Next':'Show'},'Show':{'Type':'Pass','Output':['{% $x %}','{% $y %}'],'End':true}}}",
                "{}");

        assertJson(r.output(), "[2,1]");
    }

    /** Output and Assign of one state both see the variables as they were when the state was entered. */
    @Test
    void outputInTheAssigningState_readsTheOldValue() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{'Init':{'Type':'Pass','Assign':{'x':1},"
                + "'Next':'Step'},'Step':{'Type':'Pass','Assign':{'x':2},'Output':'{% $x %}','End':true}}}", "{}");

        assertJson(r.output(), "1");
    }

    /** A Task's Assign reads the result: {@code $states.result} in JSONata. */
    @Test
    void taskAssign_jsonata_readsTheResult() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "','Arguments':{'FunctionName':'f'},'Assign':{'total':'{% $states.result.Payload.total %}'},"
                + "'Output':{},'Next':'Show'},'Show':{'Type':'Pass','Output':'{% $total %}','End':true}}}", "{}",
                call -> result("{'Payload':{'total':12}}"));

        assertJson(r.output(), "12");
    }

    /** A JSONPath Task's Assign: {@code $} is the result after ResultSelector, before ResultPath. */
    @Test
    void taskAssign_jsonPath_dollarIsTheSelectedResult() {
        DocRun r = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "','Parameters':{"
                + "'FunctionName':'f'},'ResultSelector':{'total.$':'$.Payload.total'},'Assign':{'total.$':'$.total'},"
                + "'ResultPath':null,'Next':'Show'},"
                + "'Show':{'Type':'Pass','Parameters':{'total.$':'$total','order.$':'$.order'},'End':true}}}",
                "{'order':'o-1'}", call -> result("{'Payload':{'total':12}}"));

        assertJson(r.output(), "{'total':12,'order':'o-1'}");
    }

    /** Inner states of a Map read the outer variables; what they assign stays in their iteration. */
    @Test
    void mapIterations_readOuterVariables_andKeepTheirOwn() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{'Init':{'Type':'Pass',"
                + "'Assign':{'prefix':'item-'},'Next':'M'},'M':{'Type':'Map','Items':'{% $states.input.ids %}',"
                + "'ItemProcessor':{'StartAt':'Name','States':{'Name':{'Type':'Pass','Assign':{"
                + "'name':'{% $prefix & $states.input %}'},'Next':'Out'},'Out':{'Type':'Pass','Output':'{% $name %}',"
                + "'End':true}}},'Next':'After'},'After':{'Type':'Pass','Output':{'results':'{% $states.input %}',"
                + "'prefix':'{% $prefix %}'},'End':true}}}", "{'ids':['a','b']}");

        assertJson(r.output(), "{'results':['item-a','item-b'],'prefix':'item-'}");
    }

    /** A variable assigned inside a Parallel branch is not visible after the Parallel state. */
    @Test
    void parallelBranchVariable_afterTheParallel_isUndefined() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{"
                + "'StartAt':'B','States':{'B':{'Type':'Pass','Assign':{'inner':1},'End':true}}}],'Next':'After'},"
                + "'After':{'Type':'Pass','Output':'{% $inner %}','End':true}}}", "{}");

        assertThat(r.failure().error()).isEqualTo("States.QueryEvaluationError");
    }

    /** Parallel branches export data through the state's result, which Assign on the Parallel can keep. */
    @Test
    void parallelAssign_fromTheResult_keepsTheBranchOutputs() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{"
                + "'StartAt':'B1','States':{'B1':{'Type':'Pass','Output':1,'End':true}}},{'StartAt':'B2','States':{"
                + "'B2':{'Type':'Pass','Output':2,'End':true}}}],'Assign':{'sum':'{% $sum($states.result) %}'},"
                + "'Next':'After'},'After':{'Type':'Pass','Output':'{% $sum %}','End':true}}}", "{}");

        assertJson(r.output(), "3");
    }

    /** When a Catch is taken the state's own Assign is not applied; the catcher's Assign is. */
    @Test
    void catchAssign_taskFails_catchersAssignAppliesNotTheStates() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{'Init':{'Type':'Pass','Assign':{"
                + "'status':'new','attempted':false},'Next':'T'},'T':{'Type':'Task','Resource':'" + LAMBDA + "',"
                + "'Arguments':{'FunctionName':'f'},'Assign':{'status':'done'},'Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Assign':{'attempted':true,'error':'{% $states.errorOutput.Error %}'},'Next':'Show'}],'Next':'Show'},"
                + "'Show':{'Type':'Pass','Output':{'status':'{% $status %}','attempted':'{% $attempted %}',"
                + "'error':'{% $error %}'},'End':true}}}", "{}", call -> error("Boom", "x"));

        assertJson(r.output(), "{'status':'new','attempted':true,'error':'Boom'}");
    }

    /** Choice rules may Assign: the taken rule's Assign, else the state's. */
    @Test
    void choiceRuleAssign_matchingRule_assignsItsVariables() {
        String def = "{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                + "'Condition':'{% $states.input.n > 0 %}','Assign':{'sign':'positive'},'Next':'Show'}],"
                + "'Default':'Show','Assign':{'sign':'not positive'}},'Show':{'Type':'Pass','Output':'{% $sign %}',"
                + "'End':true}}}";

        assertJson(run(def, "{'n':5}").output(), "'positive'");
        assertJson(run(def, "{'n':-5}").output(), "'not positive'");
    }

    /** Variables are readable in a Choice rule's JSONPath Variable. */
    @Test
    void jsonPathChoice_variableReference_comparesTheVariable() {
        DocRun r = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'count':42},'Next':'C'},"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$count','NumericEquals':42,'Next':'Yes'}],"
                + "'Default':'No'},'Yes':{'Type':'Pass','Result':'yes','End':true},"
                + "'No':{'Type':'Pass','Result':'no','End':true}}}", "{}");

        assertJson(r.output(), "'yes'");
    }

    /** Assign in a Wait state. */
    @Test
    void waitAssign_afterTheWait_variableIsSet() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'W','States':{'W':{'Type':'Wait','Seconds':1,"
                + "'Assign':{'waited':true},'Next':'Show'},'Show':{'Type':'Pass','Output':'{% $waited %}','End':true}}}",
                "{}");

        assertJson(r.output(), "true");
    }
}
