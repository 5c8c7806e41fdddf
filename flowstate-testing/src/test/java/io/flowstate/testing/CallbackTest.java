package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Callback tasks (.waitForTaskToken) and activities answered by the test. */
@FlowstateTest
class CallbackTest {
    private static final String APPROVAL = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "https://sqs/approvals", "MessageBody": {"token.$": "$$.Task.Token"}},
                "HeartbeatSeconds": 600, "TimeoutSeconds": 86400,
                "Catch": [{"ErrorEquals": ["Rejected"], "Next": "Rejected"}], "End": true},
              "Rejected": {"Type": "Fail", "Error": "NotApproved"}}}""";

    @Test
    void sendTaskSuccess_tokenFromPendingTask_succeedsWithTheAnswer(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson(APPROVAL).start();
        assertThat(run).isWaitingIn("Ask");
        PendingTask ask = run.pendingTask("Ask");
        assertThat(ask.kind()).isEqualTo(PendingTask.Kind.CALLBACK);
        assertThat(ask.input().path("MessageBody").path("token").asText()).isEqualTo(ask.taskToken());

        run.sendTaskSuccess(ask.taskToken(), "{\"approved\": true}");

        assertThat(run).succeeded().hasOutput("{\"approved\": true}").history()
                .containsEventTypesInOrder(EventType.TASK_SCHEDULED, EventType.TASK_SUBMITTED, EventType.TASK_SUCCEEDED);
    }

    @Test
    void sendTaskFailure_tokenSeenByTheHandler_takesCatchPath(Flowstate flowstate) {
        List<String> tokens = new ArrayList<>();
        flowstate.task("Ask").handledBy(inv -> {
            tokens.add(inv.taskToken().orElseThrow());
            return new TaskOutcome.Success(Json.object().put("MessageId", "m-1"));
        });
        TestExecution run = flowstate.loadJson(APPROVAL).start();

        run.sendTaskFailure(tokens.get(0), "Rejected", "not today");

        assertThat(run).failed().hasError("NotApproved").visited("Ask", "Rejected");
    }

    @Test
    void advance_pastHeartbeatWithoutAnswer_timesOutTheTask(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson(APPROVAL).start();
        String token = run.pendingTask("Ask").taskToken();

        run.advance(Duration.ofMinutes(9)).sendTaskHeartbeat(token).advance(Duration.ofMinutes(9));
        assertThat(run).isWaitingIn("Ask");
        run.advance(Duration.ofMinutes(2));

        assertThat(run).failed().hasError("States.Timeout");
        assertThatThrownBy(() -> run.sendTaskSuccess(token, "{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer waits");
    }

    @Test
    void succeedTask_activityWithoutWorker_isAnsweredByTheTest(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson("""
                {"StartAt": "Review", "States": {"Review": {"Type": "Task",
                  "Resource": "arn:aws:states:us-east-1:123456789012:activity:review", "End": true}}}""")
                .start("{\"doc\": 7}");
        assertThat(run.pendingTask("Review").kind()).isEqualTo(PendingTask.Kind.ACTIVITY);
        assertThat(run.pendingTask("Review").input()).isEqualTo(Json.object().put("doc", 7));

        run.succeedTask("Review", "{\"ok\": true}");

        assertThat(run).succeeded().hasOutput("{\"ok\": true}").history().hasEventTypes(
                EventType.EXECUTION_STARTED, EventType.TASK_STATE_ENTERED, EventType.ACTIVITY_SCHEDULED,
                EventType.ACTIVITY_STARTED, EventType.ACTIVITY_SUCCEEDED, EventType.TASK_STATE_EXITED,
                EventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void runToCompletion_callbackNeverAnswered_failsWithTheTimeout(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson(APPROVAL.replace("\"HeartbeatSeconds\": 600, ", "")).start();

        run.runToCompletion();

        assertThat(run).failed().hasError("States.Timeout");
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofDays(1)));
    }
}
