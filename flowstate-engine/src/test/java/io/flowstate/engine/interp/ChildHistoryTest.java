package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.HistoryEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's children are executions with histories of their own (AWS: "Each child workflow execution
 * has its own execution history"), rebuilt on demand from the parent's triggers.
 */
class ChildHistoryTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final StateMachine DISTRIBUTED = parse("{'StartAt':'M','States':{'M':{'Type':'Map','Label':'run',"
            + "'MaxConcurrency':1,'ToleratedFailureCount':1,'End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
            + "'ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass','Next':'T'},"
            + "'T':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}}}}");

    private static long task(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(e -> ((Effect.InvokeTask) e).taskId()).findFirst().orElseThrow();
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    @Test
    void childHistory_captured_recordsEachChildAsAnExecution() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0, new RunMode(true, false));
        Execution exec = s.execution();
        Decision second = Interpreter.advance(exec, new Trigger.TaskSucceeded(task(s.decision()), json("'one'")), T0);
        Interpreter.advance(exec, new Trigger.TaskFailed(task(second), "Boom", Optional.of("bad")), T0);
        String run = exec.mapRuns().get(0).mapRunArn();

        List<HistoryEvent> first = exec.childHistory(run, 0).orElseThrow();
        List<HistoryEvent> failed = exec.childHistory(run, 1).orElseThrow();

        assertThat(types(first)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded");
        assertThat(first).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(first.get(0).previousEventId()).isZero();
        assertThat(first.get(1).previousEventId()).isEqualTo(1);
        assertThat(((EventDetails.ExecutionStarted) first.get(0).details()).input()).isEqualTo(json("1"));
        assertThat(first.getLast().details()).isEqualTo(new EventDetails.Output(json("'one'")));
        assertThat(types(failed)).endsWith("LambdaFunctionFailed", "ExecutionFailed");
        assertThat(failed.getLast().details()).isEqualTo(EventDetails.Failure.of("Boom", "bad"));
        assertThat(exec.mapRuns().get(0).items().get(1).error()).contains("Boom");
        assertThat(exec.mapRuns().get(0).items().get(0).output()).contains(json("'one'"));
    }

    @Test
    void childHistory_notCaptured_isEmptyAndTheParentHistoryIsTheSame() {
        Interpreter.Started plain = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0);
        Interpreter.Started captured = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0, new RunMode(true, false));
        Interpreter.advance(plain.execution(), new Trigger.TaskSucceeded(task(plain.decision()), json("1")), T0);
        Interpreter.advance(captured.execution(), new Trigger.TaskSucceeded(task(captured.decision()), json("1")), T0);
        String run = plain.execution().mapRuns().get(0).mapRunArn();

        assertThat(plain.execution().childHistory(run, 0)).isEmpty();
        assertThat(captured.execution().history()).isEqualTo(plain.execution().history());
    }

    @Test
    void childHistory_parentStopped_endsTheRunningChildAborted() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0, new RunMode(true, false));
        String run = s.execution().mapRuns().get(0).mapRunArn();

        Interpreter.advance(s.execution(), new Trigger.Stop(Optional.empty(), Optional.empty()), T0);

        assertThat(types(s.execution().childHistory(run, 0).orElseThrow())).endsWith("ExecutionAborted");
        assertThat(s.execution().childHistory(run, 1)).isEmpty();
    }

    @Test
    void childExecutions_arn_isTheRunsMachineLabelAndAStableName() {
        String run = "arn:aws:states:us-east-1:123456789012:mapRun:sm/run:1234";

        assertThat(ChildExecutions.arn(run, 3)).startsWith("arn:aws:states:us-east-1:123456789012:execution:sm/run:")
                .isEqualTo(ChildExecutions.arn(run, 3)).isNotEqualTo(ChildExecutions.arn(run, 4));
        assertThat(ChildExecutions.stateMachineArn(run)).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:sm/run");
    }
}
