package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The context object ({@code $$}, {@code $states.context}) in each Task pattern and state, from AWS's "Accessing
 * execution data from the Context object in Step Functions" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html): {@code Execution}
 * (Id, Input, Name, RoleArn, StartTime, RedriveCount, RedriveTime once redriven), {@code State} (EnteredTime,
 * Name, RetryCount), {@code StateMachine} (Id, Name) and {@code Task.Token}. The token is there for the patterns
 * that have one: "Wait for a Callback with Task Token" and "Run a Job (.sync)" (SendTaskSuccess is "used by ...
 * Task states using the callback pattern, and optionally Task states using the job run pattern"); TestState
 * refuses a context with {@code Task} "when state is not a Task state with a '.sync' or '.waitForTaskToken'
 * service integration pattern" (recorded), and a recorded plain {@code lambda:invoke} shows no {@code Task}.
 */
class ContextObjectTest {
    private static Effect.InvokeTask call(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance).map(Effect.InvokeTask.class::cast)
                .findFirst().orElseThrow();
    }

    private static Effect.InvokeTask started(String definition) {
        return call(Interpreter.start(parse(definition), info(json("{}")), T0).decision());
    }

    private static String task(String resource, String parameters) {
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + resource + "','Parameters':" + parameters
                + ",'End':true}}}";
    }

    @Test
    void taskParameters_syncJob_contextHasTheCallsToken() {
        Effect.InvokeTask call = started(task("arn:aws:states:::states:startExecution.sync",
                "{'StateMachineArn':'arn','Input':{'TaskToken.$':'$$.Task.Token'}}"));

        assertThat(call.taskToken()).isPresent();
        assertThat(call.input().path("Input").path("TaskToken").asText()).isEqualTo(call.taskToken().get());
    }

    @Test
    void taskParameters_syncTwoJob_contextHasTheCallsToken() {
        Effect.InvokeTask call = started(task("arn:aws:states:::states:startExecution.sync:2",
                "{'StateMachineArn':'arn','Input':{'TaskToken.$':'$$.Task.Token'}}"));

        assertThat(call.input().path("Input").path("TaskToken").asText()).isEqualTo(call.taskToken().orElseThrow());
    }

    @Test
    void taskParameters_waitForTaskToken_contextHasTheCallsToken() {
        Effect.InvokeTask call = started(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "{'QueueUrl':'q','MessageBody':{'TaskToken.$':'$$.Task.Token'}}"));

        assertThat(call.input().path("MessageBody").path("TaskToken").asText()).isEqualTo(call.taskToken().orElseThrow());
    }

    @Test
    void taskArguments_jsonataSyncJob_statesContextHasTheCallsToken() {
        Effect.InvokeTask call = started("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::ecs:runTask.sync',"
                + "'Arguments':{'Cluster':'c','Token':'{% $states.context.Task.Token %}'},'End':true}}}");

        assertThat(call.input().path("Token").asText()).isEqualTo(call.taskToken().orElseThrow());
    }

    @Test
    void taskArguments_jsonataWaitForTaskToken_statesContextHasTheCallsToken() {
        Effect.InvokeTask call = started("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sns:publish.waitForTaskToken',"
                + "'Arguments':{'TopicArn':'t','Message':'{% $states.context.Task.Token %}'},'End':true}}}");

        assertThat(call.input().path("Message").asText()).isEqualTo(call.taskToken().orElseThrow());
    }

    @Test
    void taskParameters_requestResponse_contextHasNoTask() {
        Effect.InvokeTask call = started(task("arn:aws:states:::lambda:invoke",
                "{'FunctionName':'f','Payload':{'ctx.$':'$$'}}"));

        assertThat(call.taskToken()).isEmpty();
        assertThat(call.input().path("Payload").path("ctx").has("Task")).isFalse();
    }

    @Test
    void taskParameters_retriedSyncJob_eachAttemptHasItsOwnTokenAndRetryCount() {
        StateMachine m = parse("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::glue:startJobRun.sync',"
                + "'Parameters':{'JobName':'j','Arguments':{'token.$':'$$.Task.Token','retry.$':'$$.State.RetryCount'}},"
                + "'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':1}],'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask first = call(s.decision());

        Decision failed = Interpreter.advance(s.execution(), new Trigger.TaskFailed(first.taskId(), "Boom",
                Optional.empty()), T0);
        Effect.StartTimer backoff = (Effect.StartTimer) failed.effects().get(0);
        Effect.InvokeTask second = call(Interpreter.advance(s.execution(), new Trigger.TimerFired(backoff.timerId()),
                T0.plusSeconds(1)));

        assertThat(first.input().path("Arguments").path("retry").asInt()).isZero();
        assertThat(second.input().path("Arguments").path("retry").asInt()).isEqualTo(1);
        assertThat(second.input().path("Arguments").path("token").asText()).isEqualTo(second.taskToken().orElseThrow())
                .isNotEqualTo(first.taskToken().orElseThrow());
    }

    /** The documented fields, as a Pass state sees them (no RetryCount: recorded Pass states show none). */
    @Test
    void passParameters_wholeContext_hasTheDocumentedFields() {
        StateMachine m = parse("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'ctx.$':'$$'},'End':true}}}");

        JsonNode ctx = Interpreter.start(m, info(json("{'k':'v'}")), T0).execution().output().orElseThrow().path("ctx");

        assertThat(ctx).isEqualTo(json("{'Execution':{'Id':'arn:aws:states:us-east-1:123456789012:execution:sm:exec',"
                + "'Input':{'k':'v'},'StartTime':'2026-01-01T00:00:00Z','Name':'exec',"
                + "'RoleArn':'arn:aws:iam::123456789012:role/r','RedriveCount':0},"
                + "'State':{'EnteredTime':'2026-01-01T00:00:00Z','Name':'P'},"
                + "'StateMachine':{'Id':'arn:aws:states:us-east-1:123456789012:stateMachine:sm','Name':'sm'}}"));
    }

    @Test
    void taskParameters_clockFinerThanMilliseconds_timesShowMilliseconds() {
        Instant start = T0.plusNanos(1_234_567);
        ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", "sm", "exec",
                "arn:aws:iam::123456789012:role/r", start, json("{}"));
        StateMachine m = parse(task("arn:aws:states:::lambda:invoke",
                "{'FunctionName':'f','Payload':{'start.$':'$$.Execution.StartTime','entered.$':'$$.State.EnteredTime'}}"));

        Effect.InvokeTask call = call(Interpreter.start(m, info, T0.plusSeconds(2).plusNanos(5_000)).decision());

        assertThat(call.input().path("Payload")).isEqualTo(json("{'start':'2026-01-01T00:00:00.001Z',"
                + "'entered':'2026-01-01T00:00:02Z'}"));
    }

    /** "RedriveTime Context object is only available if you've redriven an execution." */
    @Test
    void taskParameters_redriven_contextHasRedriveCountAndTime() {
        StateMachine m = parse(task("arn:aws:lambda:us-east-1:123456789012:function:f",
                "{'count.$':'$$.Execution.RedriveCount','ctx.$':'$$.Execution'}"));
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Effect.InvokeTask first = call(s.decision());
        Interpreter.advance(s.execution(), new Trigger.TaskFailed(first.taskId(), "Boom", Optional.empty()), T0);
        Instant redrive = T0.plusSeconds(60);

        Effect.InvokeTask again = call(Interpreter.advance(s.execution(), new Trigger.Redrive(), redrive));

        assertThat(first.input().path("ctx").has("RedriveTime")).isFalse();
        assertThat(again.input().path("count").asInt()).isEqualTo(1);
        assertThat(again.input().path("ctx").path("RedriveTime").asText()).isEqualTo("2026-01-01T00:01:00Z");
    }
}
