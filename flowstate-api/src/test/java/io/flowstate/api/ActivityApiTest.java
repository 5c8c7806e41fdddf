package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

class ActivityApiTest extends ApiTestBase {
    @Test
    void createActivity_twice_sameArnAndListedOnce() {
        String name = unique("act");
        var first = sfn.createActivity(b -> b.name(name));
        var second = sfn.createActivity(b -> b.name(name));

        assertThat(second.activityArn()).isEqualTo(first.activityArn()).isEqualTo(arn("activity:" + name));
        assertThat(sfn.describeActivity(b -> b.activityArn(first.activityArn())).name()).isEqualTo(name);
        assertThat(sfn.listActivities(b -> b.maxResults(1000)).activities()).extracting(ActivityListItem::activityArn)
                .containsOnlyOnce(first.activityArn());
    }

    @Test
    void deleteActivity_thenDescribe_activityDoesNotExist() {
        String arn = sfn.createActivity(b -> b.name(unique("gone"))).activityArn();
        sfn.deleteActivity(b -> b.activityArn(arn));
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class)
                .hasMessageContaining("Activity Does Not Exist: '" + arn + "'");
    }

    @Test
    void getActivityTask_workerSucceeds_executionSucceedsWithWorkerOutput() {
        String activity = sfn.createActivity(b -> b.name(unique("work"))).activityArn();
        String sm = createMachine(unique("actsm"), machine(activity));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"job\":7}")).executionArn();

        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w1"));
        sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"done\":true}"));

        assertThat(task.input()).isEqualTo("{\"job\":7}");
        DescribeExecutionResponse d = await(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"done\":true}");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void getActivityTask_handsOutTask_activityStartedThenRecordsWorkerName() {
        String activity = sfn.createActivity(b -> b.name(unique("started"))).activityArn();
        String sm = createMachine(unique("startsm"), machine(activity));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        List<HistoryEvent> scheduled = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("worker-7"));
        List<HistoryEvent> started = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}"));

        assertThat(scheduled.get(scheduled.size() - 1).type()).isEqualTo(HistoryEventType.ACTIVITY_SCHEDULED);
        HistoryEvent last = started.get(started.size() - 1);
        assertThat(last.type()).isEqualTo(HistoryEventType.ACTIVITY_STARTED);
        assertThat(last.activityStartedEventDetails().workerName()).isEqualTo("worker-7");
        assertThat(await(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void sendTaskFailure_failsExecutionWithWorkerError() {
        String activity = sfn.createActivity(b -> b.name(unique("fail"))).activityArn();
        String sm = createMachine(unique("actfail"), machine(activity));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        String token = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
        sfn.sendTaskFailure(b -> b.taskToken(token).error("Worker.Broke").cause("disk full"));

        DescribeExecutionResponse d = await(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("Worker.Broke");
        assertThat(d.cause()).isEqualTo("disk full");
    }

    @Test
    void getActivityTask_nothingScheduled_emptyAfterPoll() {
        String activity = sfn.createActivity(b -> b.name(unique("idle"))).activityArn();
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity));
        assertThat(task.taskToken()).isNull();
        assertThatThrownBy(() -> sfn.getActivityTask(b -> b.activityArn(arn("activity:" + unique("none")))))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void sendTask_badTokens_invalidTokenOrTaskDoesNotExist() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("short").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        String unknown = "A".repeat(64);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(unknown)))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(unknown).output("not json")))
                .isInstanceOf(InvalidOutputException.class);
    }

    static String machine(String activity) {
        return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}}}";
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
