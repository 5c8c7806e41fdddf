package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The context object in a Distributed Map's child workflow executions. Each item runs as an execution of its own
 * (AWS's Map Run child executions, listed by ListExecutions with the run's ARN), so its states see that execution:
 * AWS's context object page speaks of the RedriveTime of "child workflows of type Standard" of a redriven Map Run,
 * not of the parent's. Inline iterations stay in the parent execution.
 */
class ChildContextTest {
    @Test
    void distributedChildState_context_showsTheChildExecutionAndItsStateMachine() {
        JsonNode all = Interpreter.start(parse("{'StartAt':'M','States':{'M':{'Type':'Map','Label':'L',"
                + "'ItemsPath':'$.items','ItemSelector':{'n.$':'$$.Map.Item.Value'},'ItemProcessor':{'ProcessorConfig':"
                + "{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Parameters':{'ctx.$':'$$'},'OutputPath':'$.ctx','End':true}}},'End':true}}}"),
                info(json("{'items':[1,2]}")), T0).execution().output().orElseThrow();

        JsonNode first = all.get(0);
        String name = first.path("Execution").path("Name").asText();
        assertThat(first.path("Execution").path("Id").asText())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:sm/L:" + name);
        assertThat(first.path("Execution").path("Input")).isEqualTo(json("{'n':1}"));
        assertThat(first.path("Execution").path("StartTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.path("Execution").path("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/r");
        assertThat(first.path("Execution").path("RedriveCount").asInt()).isZero();
        assertThat(first.path("Execution").has("RedriveTime")).isFalse();
        assertThat(first.path("StateMachine")).isEqualTo(json("{'Id':'arn:aws:states:us-east-1:123456789012:stateMachine:sm/L',"
                + "'Name':'sm/L'}"));
        assertThat(first.path("State").path("Name").asText()).isEqualTo("P");
        assertThat(all.get(1).path("Execution").path("Name").asText()).isNotEqualTo(name);
        assertThat(all.get(1).path("Execution").path("Input")).isEqualTo(json("{'n':2}"));
    }

    @Test
    void distributedExpressChildState_context_hasNoRedriveCount() {
        JsonNode first = Interpreter.start(parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{"
                + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'P','States':{'P':{"
                + "'Type':'Pass','Parameters':{'ctx.$':'$$.Execution'},'End':true}}},'End':true}}}"),
                info(json("['a']")), T0).execution().output().orElseThrow().get(0).path("ctx");

        assertThat(first.has("RedriveCount")).isFalse();
        assertThat(first.path("Input").asText()).isEqualTo("a");
    }

    @Test
    void inlineIterationState_context_showsTheParentExecution() {
        JsonNode first = Interpreter.start(parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{"
                + "'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'ctx.$':'$$'},'End':true}}},'End':true}}}"),
                info(json("['a']")), T0).execution().output().orElseThrow().get(0).path("ctx");

        assertThat(first.path("Execution").path("Id").asText())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:sm:exec");
        assertThat(first.path("Execution").path("Input")).isEqualTo(json("['a']"));
        assertThat(first.path("StateMachine").path("Name").asText()).isEqualTo("sm");
    }

    /** A redriven Map Run's Standard child shows its own RedriveCount and RedriveTime; its StartTime stays. */
    @Test
    void distributedChildTask_afterRedrive_contextHasTheChildsRedriveCountAndTime() {
        Interpreter.Started s = Interpreter.start(parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{"
                + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'T','States':{'T':{"
                + "'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'Parameters':{'e.$':'$$.Execution'},'End':true}}},'End':true}}}"), info(json("['a']")), T0);
        Effect.InvokeTask first = (Effect.InvokeTask) s.decision().effects().stream()
                .filter(Effect.InvokeTask.class::isInstance).findFirst().orElseThrow();
        Interpreter.advance(s.execution(), new Trigger.TaskFailed(first.taskId(), "Boom", java.util.Optional.empty()),
                T0);
        java.time.Instant later = T0.plusSeconds(3600);

        Decision d = Interpreter.advance(s.execution(), new Trigger.Redrive(), later);

        JsonNode again = d.effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(e -> ((Effect.InvokeTask) e).input().path("e")).findFirst().orElseThrow();
        assertThat(first.input().path("e").path("RedriveCount").asInt()).isZero();
        assertThat(again.path("RedriveCount").asInt()).isEqualTo(1);
        assertThat(again.path("RedriveTime").asText()).isEqualTo("2026-01-01T01:00:00Z");
        assertThat(again.path("StartTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(again.path("Name")).isEqualTo(first.input().path("e").path("Name"));
    }
}
