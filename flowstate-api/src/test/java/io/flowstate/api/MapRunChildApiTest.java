package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A Distributed Map's child executions through the AWS SDK client: listed by the Map Run, described and their
 * histories read by their own ARNs (AWS: "Each child workflow execution has its own execution history").
 */
class MapRunChildApiTest extends ApiTestBase {
    private static final String MACHINE = """
            {"StartAt":"M","States":{"M":{"Type":"Map","Label":"items","ToleratedFailureCount":5,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":2,"Next":"Boom"}],"Default":"P"},
                  "P":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true},
                  "Boom":{"Type":"Fail","Error":"Two","Cause":"no twos"}}},
              "End":true}}}""";

    private List<ExecutionListItem> children(String exec) {
        String run = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        return sfn.listExecutions(b -> b.mapRunArn(run)).executions().stream()
                .sorted(Comparator.comparing(ExecutionListItem::startDate)).toList();
    }

    @Test
    void describeExecution_mapRunChild_describesItWithItsRunInputAndOutput() {
        String sm = createMachine(unique("children"), MACHINE);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[{\"n\":1},{\"n\":2}]")).executionArn();
        await(exec);
        String run = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        List<ExecutionListItem> children = children(exec);
        ExecutionListItem ok = children.stream().filter(c -> c.status() == ExecutionStatus.SUCCEEDED).findFirst()
                .orElseThrow();
        ExecutionListItem failed = children.stream().filter(c -> c.status() == ExecutionStatus.FAILED).findFirst()
                .orElseThrow();

        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(ok.executionArn()));
        DescribeExecutionResponse f = sfn.describeExecution(b -> b.executionArn(failed.executionArn()));

        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.mapRunArn()).isEqualTo(run);
        assertThat(d.stateMachineArn()).isEqualTo(ok.stateMachineArn()).endsWith(":stateMachine:"
                + sm.substring(sm.lastIndexOf(':') + 1) + "/items");
        assertThat(d.name()).isEqualTo(ok.name());
        assertThat(d.input()).isEqualTo("{\"n\":1}");
        assertThat(d.output()).isEqualTo("{\"doubled\":2}");
        assertThat(d.stopDate()).isNotNull();
        assertThat(d.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(f.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(f.error()).isEqualTo("Two");
        assertThat(f.cause()).isEqualTo("no twos");
        assertThat(f.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN);
    }

    @Test
    void getExecutionHistory_mapRunChild_isTheChildsOwnHistory() {
        String sm = createMachine(unique("children"), MACHINE);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[{\"n\":1},{\"n\":2}]")).executionArn();
        await(exec);
        ExecutionListItem failed = children(exec).stream().filter(c -> c.status() == ExecutionStatus.FAILED)
                .findFirst().orElseThrow();

        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(failed.executionArn())).events();
        List<HistoryEvent> reversed = sfn.getExecutionHistory(b -> b.executionArn(failed.executionArn())
                .reverseOrder(true).maxResults(2)).events();

        assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.CHOICE_STATE_ENTERED, HistoryEventType.CHOICE_STATE_EXITED,
                HistoryEventType.FAIL_STATE_ENTERED, HistoryEventType.EXECUTION_FAILED);
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"n\":2}");
        assertThat(events.get(4).executionFailedEventDetails().error()).isEqualTo("Two");
        assertThat(reversed).extracting(HistoryEvent::id).containsExactly(5L, 4L);
    }

    @Test
    void describeExecution_unknownChildOfAKnownMachine_executionDoesNotExist() {
        String sm = createMachine(unique("children"), MACHINE);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[{\"n\":1}]")).executionArn();
        await(exec);
        String child = children(exec).get(0).executionArn();
        String unknown = child.substring(0, child.lastIndexOf(':') + 1) + "00000000-0000-0000-0000-000000000000";

        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(unknown)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(unknown)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void describeStateMachineForExecution_mapRunChild_isTheParentsMachineWithTheRunAndLabel() {
        String sm = createMachine(unique("children"), MACHINE);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[{\"n\":1}]")).executionArn();
        await(exec);
        String run = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        String child = children(exec).get(0).executionArn();

        DescribeStateMachineForExecutionResponse d = sfn.describeStateMachineForExecution(b -> b.executionArn(child));

        assertThat(d.stateMachineArn()).isEqualTo(sm);
        assertThat(d.definition()).isEqualTo(MACHINE);
        assertThat(d.mapRunArn()).isEqualTo(run);
        assertThat(d.label()).isEqualTo("items");
    }

    @Test
    void listMapRuns_mapRunChild_isEmptyNotMissing() {
        String sm = createMachine(unique("children"), MACHINE);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[{\"n\":1}]")).executionArn();
        await(exec);
        String child = children(exec).get(0).executionArn();

        assertThat(sfn.listMapRuns(b -> b.executionArn(child)).mapRuns()).isEmpty();
    }

    /** AWS's Map Run execution counts: "aborted: ... running, but were ... stopped by the user". */
    @Test
    void stopExecution_runningChild_abortsItAndTheRunGoesOnWithinTolerance() {
        String sm = createMachine(unique("children"), """
                {"StartAt":"M","States":{"M":{"Type":"Map","Label":"waits","ToleratedFailureCount":1,"MaxConcurrency":2,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}},"End":true}}}""");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2]")).executionArn();
        List<ExecutionListItem> running = children(exec);
        assertThat(running).hasSize(2);
        String child = running.get(0).executionArn();

        sfn.stopExecution(b -> b.executionArn(child).error("Enough").cause("stopped by a test"));

        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(child));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(child).reverseOrder(true).maxResults(1)).events()
                .get(0).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        String run = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(run)).executionCounts().aborted()).isEqualTo(1);
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.stopExecution(b -> b.executionArn(exec));
    }
}
