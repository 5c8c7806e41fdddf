package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** ListMapRuns, DescribeMapRun, UpdateMapRun and a run's ListExecutions, through the AWS SDK client. */
class MapRunApiTest extends ApiTestBase {
    private static String distributed(String processorStates, String extra) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map",%s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"S","States":%s},
                  "End":true}}}""".formatted(extra, processorStates);
    }

    private static final String PASS_ITEMS = distributed("""
            {"S":{"Type":"Pass","End":true}}""", "\"MaxConcurrency\":2,\"ToleratedFailureCount\":1,");

    @Test
    void listMapRuns_distributedMapOverThreeItems_oneRunDescribedSucceeded() {
        String sm = createMachine(unique("maprun"), PASS_ITEMS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();

        assertThat(runs).hasSize(1);
        MapRunListItem run = runs.get(0);
        assertThat(run.executionArn()).isEqualTo(exec);
        assertThat(run.stateMachineArn()).isEqualTo(sm);
        assertThat(run.mapRunArn()).startsWith(sm.replace(":stateMachine:", ":mapRun:") + "/");
        assertThat(run.startDate()).isNotNull();
        assertThat(run.stopDate()).isNotNull();
        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(run.mapRunArn()));
        assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(d.executionArn()).isEqualTo(exec);
        assertThat(d.maxConcurrency()).isEqualTo(2);
        assertThat(d.toleratedFailureCount()).isEqualTo(1);
        assertThat(d.itemCounts().total()).isEqualTo(3);
        assertThat(d.itemCounts().succeeded()).isEqualTo(3);
        assertThat(d.itemCounts().failed()).isZero();
        assertThat(d.itemCounts().resultsWritten()).isEqualTo(3);
        assertThat(d.executionCounts().total()).isEqualTo(3);
        assertThat(d.stopDate()).isNotNull();
    }

    @Test
    void describeMapRun_arnFromHistoryNotListedBefore_foundByScanningTheMachine() {
        String sm = createMachine(unique("maprun"), PASS_ITEMS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        await(exec);
        String mapRunArn = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
                .filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow()
                .mapRunStartedEventDetails().mapRunArn();

        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));

        assertThat(d.executionArn()).isEqualTo(exec);
        assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    }

    @Test
    void describeMapRun_iterationsFailBeyondTolerance_failedWithFailuresCounted() {
        String sm = createMachine(unique("maprun"), distributed("""
                {"S":{"Type":"Fail","Error":"E"}}""", "\"ToleratedFailureCount\":1,"));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        String mapRunArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();

        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));

        assertThat(d.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(d.itemCounts().total()).isEqualTo(3);
        assertThat(d.itemCounts().failed()).isEqualTo(2);
        assertThat(d.itemCounts().aborted()).isEqualTo(1);
    }

    @Test
    void updateMapRun_runningRun_appliesToTheRunInFlightAndAbortedWhenExecutionStops() {
        String sm = createMachine(unique("maprun"), distributed("""
                {"S":{"Type":"Wait","Seconds":60,"End":true}}""", "\"MaxConcurrency\":1,"));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        String mapRunArn = awaitRun(exec);
        DescribeMapRunResponse before = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertThat(before.status()).isEqualTo(MapRunStatus.RUNNING);
        assertThat(before.itemCounts().running()).isEqualTo(1);
        assertThat(before.itemCounts().pending()).isEqualTo(2);
        assertThat(before.itemCounts().total()).isEqualTo(3);
        // Only a started item has a child execution.
        assertThat(before.executionCounts().running()).isEqualTo(1);
        assertThat(before.executionCounts().pending()).isZero();
        assertThat(before.executionCounts().total()).isEqualTo(1);

        sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).maxConcurrency(3).toleratedFailurePercentage(50f));

        DescribeMapRunResponse running = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertThat(running.maxConcurrency()).isEqualTo(3);
        assertThat(running.toleratedFailurePercentage()).isEqualTo(50f);
        // The higher limit started the two waiting items at once.
        assertThat(running.itemCounts().running()).isEqualTo(3);
        assertThat(running.itemCounts().pending()).isZero();
        assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions())
                .extracting(ExecutionListItem::status).containsOnly(ExecutionStatus.RUNNING).hasSize(3);
        sfn.stopExecution(b -> b.executionArn(exec));
        DescribeMapRunResponse stopped = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertThat(stopped.status()).isEqualTo(MapRunStatus.ABORTED);
        assertThat(stopped.itemCounts().aborted()).isEqualTo(3);
        assertThat(stopped.maxConcurrency()).isEqualTo(3);
    }

    @Test
    void listExecutions_mapRunArn_listsTheRunsChildExecutionsWithFiltersAndPaging() {
        String sm = createMachine(unique("maprun"), PASS_ITEMS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        await(exec);
        String mapRunArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();

        ListExecutionsResponse first = sfn.listExecutions(b -> b.mapRunArn(mapRunArn).maxResults(2));
        ListExecutionsResponse rest = sfn.listExecutions(b -> b.mapRunArn(mapRunArn).nextToken(first.nextToken()));

        assertThat(first.executions()).hasSize(2);
        assertThat(rest.executions()).hasSize(1);
        assertThat(rest.nextToken()).isNull();
        List<ExecutionListItem> all = new java.util.ArrayList<>(first.executions());
        all.addAll(rest.executions());
        String runName = mapRunArn.substring(mapRunArn.indexOf(":mapRun:") + ":mapRun:".length(),
                mapRunArn.lastIndexOf(':'));
        assertThat(all).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(e.mapRunArn()).isEqualTo(mapRunArn);
            assertThat(e.itemCount()).isEqualTo(1);
            assertThat(e.stateMachineArn()).isEqualTo(arn("stateMachine:" + runName));
            assertThat(e.executionArn()).isEqualTo(arn("execution:" + runName + ":" + e.name()));
            assertThat(e.stopDate()).isNotNull();
        });
        assertThat(all).extracting(ExecutionListItem::executionArn).doesNotHaveDuplicates();
        assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRunArn).statusFilter(ExecutionStatus.FAILED)).executions())
                .isEmpty();
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(mapRunArn).stateMachineArn(sm)))
                .isInstanceOf(SfnException.class).hasMessageContaining("not both");
    }

    @Test
    void describeMapRun_afterParentRedrive_countsTheRedriveAndKeepsTheRun() {
        String sm = createMachine(unique("maprun"), distributed("""
                {"S":{"Type":"Fail","Error":"E"}}""", ""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2]")).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        String mapRunArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();

        sfn.redriveExecution(b -> b.executionArn(exec));
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);

        assertThat(sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns()).extracting(MapRunListItem::mapRunArn)
                .containsExactly(mapRunArn);
        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertThat(d.redriveCount()).isEqualTo(1);
        assertThat(d.redriveDate()).isNotNull();
        assertThat(d.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(d.itemCounts().failed()).isEqualTo(1);
        assertThat(d.itemCounts().aborted()).isEqualTo(1);
        assertThat(d.itemCounts().total()).isEqualTo(2);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events()).filteredOn(e -> e.type()
                == HistoryEventType.MAP_RUN_REDRIVEN).singleElement()
                .satisfies(e -> assertThat(e.mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRunArn));
        assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRunArn).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                .executions()).isNotEmpty();
    }

    @Test
    void describeAndUpdateMapRun_unknownArn_resourceNotFound() {
        String sm = createMachine(unique("maprun"), PASS_ITEMS);
        String unknown = sm.replace(":stateMachine:", ":mapRun:") + "/x:0a1b2c3d-0000-0000-0000-000000000000";

        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown).maxConcurrency(2)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private String awaitRun(String exec) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
            if (!runs.isEmpty()) {
                return runs.get(0).mapRunArn();
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
