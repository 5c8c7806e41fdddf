package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

class RedriveApiTest extends ApiTestBase {
    /** A Pass that must not run again, then an activity Task that a worker fails once. */
    static String machine(String activity) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":1,\"ResultPath\":\"$.p\",\"Next\":\"T\"},"
                + "\"T\":{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}}}";
    }

    @Test
    void redriveExecution_failedTask_rerunsOnlyTheFailedStateAndSucceeds() {
        String activity = sfn.createActivity(b -> b.name(unique("redrive"))).activityArn();
        String sm = createMachine(unique("redrive"), machine(activity));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        GetActivityTaskResponse first = sfn.getActivityTask(b -> b.activityArn(activity));
        sfn.sendTaskFailure(b -> b.taskToken(first.taskToken()).error("Boom"));
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).redriveStatus())
                .isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

        var redriven = sfn.redriveExecution(b -> b.executionArn(exec).clientToken("tok-1"));
        // The same client token answers the same redrive instead of starting another.
        var again = sfn.redriveExecution(b -> b.executionArn(exec).clientToken("tok-1"));
        GetActivityTaskResponse second = sfn.getActivityTask(b -> b.activityArn(activity));
        assertThat(second.input()).isEqualTo("{\"p\":1}");
        sfn.sendTaskSuccess(b -> b.taskToken(second.taskToken()).output("{\"done\":true}"));

        DescribeExecutionResponse d = await(exec);
        assertThat(again.redriveDate()).isEqualTo(redriven.redriveDate());
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"done\":true}");
        assertThat(d.redriveCount()).isEqualTo(1);
        assertThat(d.redriveDate()).isEqualTo(redriven.redriveDate());
        assertThat(d.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(d.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(1000)).events();
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).hasSize(1);
        HistoryEvent redrive = events.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN)
                .findFirst().orElseThrow();
        assertThat(redrive.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(events.get(events.indexOf(redrive) - 1).type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
        assertThat(events.get(events.indexOf(redrive) + 1).type()).isEqualTo(HistoryEventType.TASK_STATE_ENTERED);
        assertThat(events.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                .executions()).extracting(ExecutionListItem::executionArn).containsExactly(exec);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
                .executions()).isEmpty();
    }

    @Test
    void redriveExecution_succeededExecution_executionNotRedrivable() {
        String sm = createMachine(unique("done"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("Execution is SUCCEEDED and cannot be redriven");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
                .executions()).extracting(ExecutionListItem::executionArn).containsExactly(exec);
    }

    @Test
    void redriveExecution_failedExecutionOfDeletedMachine_executionNotRedrivable() {
        String sm = createMachine(unique("deleted"),
                "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\"}}}");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).redriveStatus())
                .isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

        sfn.deleteStateMachine(b -> b.stateMachineArn(sm));

        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("State machine is in DELETING status");
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).redriveStatusReason())
                .isEqualTo("State machine is in DELETING status");
    }

    @Test
    void redriveExecution_runningExecution_executionNotRedrivable() {
        String sm = createMachine(unique("running"),
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":300,\"End\":true}}}");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("Execution is RUNNING and cannot be redriven");
        sfn.stopExecution(b -> b.executionArn(exec));
    }

    @Test
    void redriveExecution_stoppedExecution_runsAgainFromTheStateItWasIn() {
        String sm = createMachine(unique("stopped"),
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":300,\"End\":true}}}");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.stopExecution(b -> b.executionArn(exec));

        sfn.redriveExecution(b -> b.executionArn(exec));

        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(d.stopDate()).isNull();
        assertThat(d.redriveCount()).isEqualTo(1);
        sfn.stopExecution(b -> b.executionArn(exec));
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void redriveExecution_inlineMapWithFailedIteration_rerunsOnlyUnfinishedIterationsInItemOrder() {
        // Item 2's Choice matches no rule (States.NoChoiceMatched) before the redrive only; each iteration's
        // output tells the attempt that produced it.
        String sm = createMachine(unique("redrive-map"), """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Not":{"And":[{"Variable":"$","NumericEquals":2},
                      {"Variable":"$$.Execution.RedriveCount","NumericEquals":0}]},"Next":"P"}]},
                  "P":{"Type":"Pass","Parameters":{"v.$":"$","attempt.$":"$$.Execution.RedriveCount"},"End":true}}}}}}""");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3]")).executionArn();
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.FAILED);

        sfn.redriveExecution(b -> b.executionArn(exec));

        DescribeExecutionResponse d = await(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("[{\"v\":1,\"attempt\":0},{\"v\":2,\"attempt\":1},{\"v\":3,\"attempt\":1}]");
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(1000)).events();
        List<HistoryEvent> after = events.subList(events.indexOf(events.stream()
                .filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN).findFirst().orElseThrow()), events.size());
        assertThat(after).extracting(HistoryEvent::type).startsWith(HistoryEventType.EXECUTION_REDRIVEN,
                HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_STARTED,
                HistoryEventType.MAP_ITERATION_STARTED);
        assertThat(after).filteredOn(e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)
                .extracting(e -> e.mapIterationStartedEventDetails().index()).containsExactly(1, 2);
    }

    DescribeExecutionResponse await(String exec) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
            if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                return d;
            }
            Thread.onSpinWait();
        }
    }
}
