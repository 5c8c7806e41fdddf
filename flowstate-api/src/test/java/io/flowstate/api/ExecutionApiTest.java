package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.IncludedData;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

class ExecutionApiTest extends ApiTestBase {
    static final String WAIT = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":300,"End":true}}}""";
    static final String FAIL = """
            {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"it broke"}}}""";

    @Test
    void startExecution_passMachine_succeedsWithOutputAndHistory() {
        String sm = createMachine(unique("run"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("e1").input("{ \"a\": 1 }")).executionArn();

        DescribeExecutionResponse d = await(exec);
        GetExecutionHistoryResponse h = sfn.getExecutionHistory(b -> b.executionArn(exec));

        assertThat(exec).isEqualTo(sm.replace(":stateMachine:", ":execution:") + ":e1");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"ok\":true}");
        assertThat(d.input()).isEqualTo("{ \"a\": 1 }");
        assertThat(h.events()).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(h.events().get(0).executionStartedEventDetails().input()).isEqualTo("{ \"a\": 1 }");
    }

    @Test
    void startExecution_sameNameAndInputWhileRunning_returnsSameExecution() {
        String sm = createMachine(unique("idem"), WAIT);
        var first = sfn.startExecution(b -> b.stateMachineArn(sm).name("same").input("{}"));
        var second = sfn.startExecution(b -> b.stateMachineArn(sm).name("same").input("{}"));
        assertThat(second.executionArn()).isEqualTo(first.executionArn());
        assertThat(second.startDate()).isEqualTo(first.startDate());
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("same").input("{\"x\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        sfn.stopExecution(b -> b.executionArn(first.executionArn()));
    }

    @Test
    void startExecution_sameNameAfterEnd_executionAlreadyExists() {
        String sm = createMachine(unique("ended"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("once")).executionArn();
        await(exec);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("once")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("Execution Already Exists: '" + exec + "'");
    }

    @Test
    void startExecution_inputNotJson_invalidExecutionInputWithParserMessage() {
        String sm = createMachine(unique("input"), PASS);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input("{'not': 'json'")))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageContaining("Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'");
    }

    @Test
    void stopExecution_waitingExecution_abortedWithEvent() {
        String sm = createMachine(unique("stop"), WAIT);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        var stopped = sfn.stopExecution(b -> b.executionArn(exec).error("Halt").cause("by test"));

        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.stopDate()).isEqualTo(stopped.stopDate());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true)).events();
        assertThat(events.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(events.get(0).executionAbortedEventDetails().error()).isEqualTo("Halt");
    }

    @Test
    void getExecutionHistory_pagedReversedWithoutData_eachEventOnceNewestFirst() {
        String sm = createMachine(unique("hist"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"big\":1}")).executionArn();
        await(exec);
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(1)
                    .reverseOrder(true).includeExecutionData(false).nextToken(t));
            page.events().forEach(e -> ids.add(e.id()));
            if (page.events().get(0).type() == HistoryEventType.EXECUTION_STARTED) {
                assertThat(page.events().get(0).executionStartedEventDetails().input()).isNull();
            }
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void listExecutions_statusFilterAndPaging_selectsMatchingOnly() {
        String sm = createMachine(unique("listx"), WAIT);
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn());
        }
        sfn.stopExecution(b -> b.executionArn(running.remove(0)));

        var page1 = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).maxResults(1));
        var page2 = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)
                .nextToken(page1.nextToken()));
        var aborted = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED));

        List<String> listed = new ArrayList<>();
        page1.executions().forEach(e -> listed.add(e.executionArn()));
        page2.executions().forEach(e -> listed.add(e.executionArn()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(running);
        assertThat(page2.nextToken()).isNull();
        assertThat(aborted.executions()).hasSize(1);
        running.forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
    }

    @Test
    void describeExecution_unknownOrWrongArn_errors() {
        String arn = arn("execution:x:" + unique("none"));
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("Execution Does Not Exist: '" + arn + "'");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(arn("stateMachine:x"))))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("Resource type not valid in this context: stateMachine");
    }

    @Test
    void describeExecution_metadataOnly_leavesPayloadsOut() {
        String sm = createMachine(unique("meta"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        await(exec);
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec).includedData(IncludedData.METADATA_ONLY));
        assertThat(d.input()).isNull();
        assertThat(d.output()).isNull();
        assertThat(d.inputDetails().included()).isFalse();
    }

    @Test
    void describeStateMachineForExecution_afterUpdate_showsRevisionItRan() {
        String sm = createMachine(unique("forexec"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(WAIT));

        var d = sfn.describeStateMachineForExecution(b -> b.executionArn(exec));

        assertThat(d.definition()).isEqualTo(PASS);
        assertThat(d.stateMachineArn()).isEqualTo(sm);
    }

    @Test
    void startSyncExecution_expressMachine_returnsOutcomeIncludingFailure() {
        String ok = sfn.createStateMachine(b -> b.name(unique("sync")).definition(PASS).roleArn(ROLE)
                .type("EXPRESS")).stateMachineArn();
        String bad = sfn.createStateMachine(b -> b.name(unique("syncfail")).definition(FAIL).roleArn(ROLE)
                .type("EXPRESS")).stateMachineArn();

        StartSyncExecutionResponse success = sfn.startSyncExecution(b -> b.stateMachineArn(ok).input("{}"));
        StartSyncExecutionResponse failure = sfn.startSyncExecution(b -> b.stateMachineArn(bad));

        assertThat(success.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(success.output()).isEqualTo("{\"ok\":true}");
        assertThat(success.executionArn()).startsWith(arn("express:"));
        assertThat(success.billingDetails().billedDurationInMilliseconds()).isGreaterThanOrEqualTo(100);
        assertThat(failure.status()).isEqualTo(SyncExecutionStatus.FAILED);
        assertThat(failure.error()).isEqualTo("Boom");
        assertThat(failure.cause()).isEqualTo("it broke");
    }

    @Test
    void startSyncExecution_standardMachine_stateMachineTypeNotSupported() {
        String sm = createMachine(unique("std"), PASS);
        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(sm)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }
}
