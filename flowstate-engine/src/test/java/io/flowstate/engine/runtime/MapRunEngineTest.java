package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.MapRunView;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandlers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UpdateMapRun through the engine: applied to the run in flight and kept in the journal for a rebuild. */
class MapRunEngineTest {
    private static final StateMachine MACHINE = parse("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,"
            + "'End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
            + "'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}}}}");

    private static List<MapRunView.ItemStatus> statuses(Execution e) {
        return e.mapRuns().get(0).items().stream().map(MapRunView.Item::status).toList();
    }

    @Test
    void updateMapRun_runningRun_appliesAndSurvivesRebuildFromTheJournal() {
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        ManualTimers timers = new ManualTimers(T0);
        try (Engine engine = new Engine(store, TaskHandlers.unbound(), timers)) {
            String arn = engine.start(MACHINE, "[1,2,3]", info(json("[1,2,3]")), "STANDARD").orElseThrow().executionArn();
            String run = engine.inspect(arn, MACHINE, e -> e.mapRuns().get(0).mapRunArn()).orElseThrow();
            long eventsBefore = engine.history(arn, 0, 1000).size();

            boolean applied = engine.mapRunChange(arn, new Trigger.UpdateMapRun(run, Optional.of(3), Optional.empty(),
                    Optional.of(2L)));

            assertThat(applied).isTrue();
            assertThat(engine.inspect(arn, MACHINE, MapRunEngineTest::statuses).orElseThrow())
                    .containsOnly(MapRunView.ItemStatus.RUNNING);
            // No event records an UpdateMapRun; the journal keeps it, so a rebuild gets the same run.
            assertThat(engine.history(arn, 0, 1000)).hasSize((int) eventsBefore);
            Replay.Replayed rebuilt = Replay.replay(MACHINE, store.start(arn).orElseThrow().info(), store.journal(arn));
            assertThat(statuses(rebuilt.execution())).containsOnly(MapRunView.ItemStatus.RUNNING);
            assertThat(rebuilt.execution().mapRuns().get(0).maxConcurrency()).isEqualTo(3);
            assertThat(rebuilt.execution().mapRuns().get(0).toleratedFailureCount()).isEqualTo(2);
            assertThat(rebuilt.pendingTimers()).hasSize(3);
        }
    }

    /**
     * A Distributed Map child's events are not in the parent's history, so a child that ends while its siblings
     * still run makes a decision with no event and no effect. It must still reach the journal: the bug was that such
     * a decision was skipped as a stale trigger, so a rebuild (a restart, another node) ran the child's Wait (or Task)
     * again.
     */
    @Test
    void timerFired_childEndsSilently_isJournaledSoARebuildKeepsIt() {
        StateMachine machine = parse("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$','End':true}}}}}}");
        InMemoryExecutionStore store = new InMemoryExecutionStore();
        ManualTimers timers = new ManualTimers(T0);
        try (Engine engine = new Engine(store, TaskHandlers.unbound(), timers)) {
            String arn = engine.start(machine, "[10,20,30]", info(json("[10,20,30]")), "STANDARD").orElseThrow()
                    .executionArn();

            timers.advance(java.time.Duration.ofSeconds(15));

            assertThat(engine.inspect(arn, machine, MapRunEngineTest::statuses).orElseThrow()).containsExactly(
                    MapRunView.ItemStatus.SUCCEEDED, MapRunView.ItemStatus.RUNNING, MapRunView.ItemStatus.RUNNING);
            Replay.Replayed rebuilt = Replay.replay(machine, store.start(arn).orElseThrow().info(), store.journal(arn));
            assertThat(statuses(rebuilt.execution())).containsExactly(MapRunView.ItemStatus.SUCCEEDED,
                    MapRunView.ItemStatus.RUNNING, MapRunView.ItemStatus.RUNNING);
            assertThat(rebuilt.pendingTimers()).hasSize(2);
        }
    }
}
