package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.MapRunView.ItemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Distributed Map run's items as DescribeMapRun and ListExecutions show them, UpdateMapRun, and its redrive. */
class MapRunViewTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final Instant LATER = T0.plusSeconds(60);
    private static final StateMachine DISTRIBUTED = parse("{'StartAt':'M','States':{'M':{'Type':'Map','Label':'run',"
            + "'MaxConcurrency':1,'End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
            + "'ExecutionType':'STANDARD'},'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
            + "','End':true}}}}}}");

    private static List<Long> tasks(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(e -> ((Effect.InvokeTask) e).taskId()).toList();
    }

    private static List<ItemStatus> statuses(Execution exec) {
        return exec.mapRuns().get(0).items().stream().map(MapRunView.Item::status).toList();
    }

    @Test
    void mapRuns_runningDistributedMap_showsEachItemsChildExecution() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2,3]")), T0);

        MapRunView run = s.execution().mapRuns().get(0);

        assertThat(run.mapRunArn()).contains(":mapRun:").contains("/run:");
        assertThat(run.maxConcurrency()).isEqualTo(1);
        assertThat(statuses(s.execution())).containsExactly(ItemStatus.RUNNING, ItemStatus.PENDING, ItemStatus.PENDING);
        assertThat(run.items().get(0).startDate()).contains(T0);
        assertThat(run.items().get(0).stopDate()).isEmpty();
    }

    @Test
    void updateMapRun_higherMaxConcurrency_startsMoreItemsAtOnce() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2,3]")), T0);
        String arn = s.execution().mapRuns().get(0).mapRunArn();

        Decision d = Interpreter.advance(s.execution(), new Trigger.UpdateMapRun(arn, Optional.of(0), Optional.empty(),
                Optional.of(1L)), LATER);

        assertThat(tasks(d)).hasSize(2);
        assertThat(d.events()).isEmpty();
        assertThat(statuses(s.execution())).containsOnly(ItemStatus.RUNNING);
        assertThat(s.execution().mapRuns().get(0).toleratedFailureCount()).isEqualTo(1);
        // The raised tolerance applies: one failure is tolerated, the run goes on.
        Interpreter.advance(s.execution(), new Trigger.TaskFailed(tasks(d).get(0), "Boom", Optional.empty()), LATER);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(statuses(s.execution())).containsExactly(ItemStatus.RUNNING, ItemStatus.FAILED, ItemStatus.RUNNING);
    }

    @Test
    void updateMapRun_unknownArn_changesNothing() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.UpdateMapRun("arn:other", Optional.of(0),
                Optional.empty(), Optional.empty()), LATER);

        assertThat(d.effects()).isEmpty();
        assertThat(s.execution().mapRuns().get(0).maxConcurrency()).isEqualTo(1);
    }

    @Test
    void redrive_failedDistributedMap_redrivesTheSameMapRunAndOnlyItsUnsuccessfulItems() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2,3]")), T0);
        Execution exec = s.execution();
        Decision second = Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(s.decision()).get(0), json("'one'")), T0);
        Interpreter.advance(exec, new Trigger.TaskFailed(tasks(second).get(0), "Boom", Optional.empty()), T0);
        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(statuses(exec)).containsExactly(ItemStatus.SUCCEEDED, ItemStatus.FAILED, ItemStatus.PENDING);
        String arn = exec.mapRuns().get(0).mapRunArn();

        Decision d = Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        List<HistoryEvent> events = d.events();
        assertThat(events.stream().map(e -> e.type().awsName())).containsExactly("ExecutionRedriven", "MapStateEntered",
                "MapStateStarted", "MapRunRedriven");
        assertThat(events.get(3).details()).isEqualTo(new EventDetails.Redriven(Optional.of(arn), 1));
        assertThat(exec.history().stream().filter(e -> e.type() == EventType.MAP_RUN_STARTED)).hasSize(1);
        MapRunView run = exec.mapRuns().get(0);
        assertThat(run.redriveCount()).isEqualTo(1);
        assertThat(run.redriveDate()).contains(LATER);
        assertThat(statuses(exec)).containsExactly(ItemStatus.SUCCEEDED, ItemStatus.RUNNING, ItemStatus.PENDING);
        assertThat(run.items().get(1).redriveCount()).isEqualTo(1);

        Decision third = Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(d).get(0), json("'two'")), LATER);
        Interpreter.advance(exec, new Trigger.TaskSucceeded(tasks(third).get(0), json("'three'")), LATER);
        assertThat(exec.output()).contains(json("['one','two','three']"));
        assertThat(statuses(exec)).containsOnly(ItemStatus.SUCCEEDED);
    }

    @Test
    void mapRuns_redriveWithinMaxConcurrency_showsUnfinishedItemsPendingRedriveUntilRestarted() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2,3]")), T0);
        Execution exec = s.execution();
        String arn = exec.mapRuns().get(0).mapRunArn();
        Decision all = Interpreter.advance(exec, new Trigger.UpdateMapRun(arn, Optional.of(0), Optional.empty(),
                Optional.empty()), T0);
        Interpreter.advance(exec, new Trigger.UpdateMapRun(arn, Optional.of(1), Optional.empty(), Optional.empty()), T0);
        Interpreter.advance(exec, new Trigger.TaskFailed(tasks(all).get(0), "Boom", Optional.empty()), T0);
        assertThat(statuses(exec)).containsExactly(ItemStatus.ABORTED, ItemStatus.FAILED, ItemStatus.ABORTED);

        Interpreter.advance(exec, new Trigger.Redrive(), LATER);

        assertThat(statuses(exec)).containsExactly(ItemStatus.RUNNING, ItemStatus.FAILED, ItemStatus.ABORTED);
        assertThat(exec.mapRuns().get(0).items()).extracting(MapRunView.Item::pendingRedrive)
                .containsExactly(false, true, true);
    }

    @Test
    void mapRuns_stoppedExecution_showsItsRunningItemsAborted() {
        Interpreter.Started s = Interpreter.start(DISTRIBUTED, info(json("[1,2]")), T0);

        Interpreter.advance(s.execution(), new Trigger.Stop(Optional.empty(), Optional.empty()), LATER);

        assertThat(statuses(s.execution())).containsExactly(ItemStatus.ABORTED, ItemStatus.PENDING);
    }
}
