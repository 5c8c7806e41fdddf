package io.flowstate.engine.docs;

import static io.flowstate.engine.docs.DocRun.assertJson;
import static io.flowstate.engine.docs.DocRun.error;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * AWS's "Accessing execution data from the Context object in Step Functions" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html), as seen from running
 * definitions; {@code interp.ContextObjectTest} and {@code interp.MapItemContextTest} hold the field-by-field
 * checks (Task.Token per pattern, Map.Item in the ItemSelector, redrive fields).
 */
class ContextObjectDocsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

    /** {@code $$.Execution.Input} is the execution's input wherever the state is. */
    @Test
    void parameters_executionInput_isTheOriginalInputInALaterState() {
        DocRun r = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'replaced':true},'Next':'B'},"
                + "'B':{'Type':'Pass','Parameters':{'original.$':'$$.Execution.Input','now.$':'$'},'End':true}}}",
                "{'key':'value'}");

        assertJson(r.output(), "{'original':{'key':'value'},'now':{'replaced':true}}");
    }

    /** {@code $$.State.RetryCount} counts this state's retries. */
    @Test
    void taskParameters_stateRetryCount_countsTheAttempts() {
        AtomicInteger calls = new AtomicInteger();
        DocRun r = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "','Parameters':{"
                + "'retry.$':'$$.State.RetryCount','name.$':'$$.State.Name'},'Retry':[{'ErrorEquals':['States.ALL'],"
                + "'MaxAttempts':3}],'End':true}}}", "{}",
                call -> calls.getAndIncrement() < 2 ? error("Boom", null) : result("'ok'"));

        assertThat(r.calls).extracting(c -> c.input().path("retry").asInt()).containsExactly(0, 1, 2);
        assertThat(r.calls).allSatisfy(c -> assertThat(c.input().path("name").asText()).isEqualTo("T"));
    }

    /** StateMachine Id and Name; Execution Id, Name and RoleArn. */
    @Test
    void parameters_identityFields_nameTheStateMachineAndExecution() {
        DocRun r = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'sm.$':'$$.StateMachine',"
                + "'id.$':'$$.Execution.Id','name.$':'$$.Execution.Name','role.$':'$$.Execution.RoleArn'},'End':true}}}",
                "{}");

        assertJson(r.output(), "{'sm':{'Id':'arn:aws:states:us-east-1:123456789012:stateMachine:sm','Name':'sm'},"
                + "'id':'arn:aws:states:us-east-1:123456789012:execution:sm:exec','name':'exec',"
                + "'role':'arn:aws:iam::123456789012:role/r'}");
    }

    /** {@code $states.context} is the same object in JSONata states. */
    @Test
    void jsonataOutput_statesContext_isTheContextObject() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass','Output':{"
                + "'input':'{% $states.context.Execution.Input %}','state':'{% $states.context.State.Name %}',"
                + "'entered':'{% $states.context.State.EnteredTime %}'},'End':true}}}", "{'k':1}");

        assertJson(r.output(), "{'input':{'k':1},'state':'P','entered':'2026-01-01T00:00:00Z'}");
    }

    /** Map iterations see {@code $$.Map.Item} only in the ItemSelector, not in the processor's states. */
    @Test
    void mapItemSelector_mapItemIndexAndValue_givenToEachIteration() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemSelector':{'index.$':'$$.Map.Item.Index',"
                + "'value.$':'$$.Map.Item.Value'},'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Parameters':{'got.$':'$','ctx.$':'$$'},'End':true}}},'End':true}}}", "['a','b']");

        assertJson(r.output().get(0).path("got"), "{'index':0,'value':'a'}");
        assertJson(r.output().get(1).path("got"), "{'index':1,'value':'b'}");
        assertThat(r.output().get(0).path("ctx").has("Map")).isFalse();
    }
}
