package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * An activity deleted before an execution reaches it fails the execution at once with AWS's States.Runtime
 * ("The activity ARN does not exist.", recorded on AWS: activities.activity_task_on_deleted) instead of waiting
 * for a worker that cannot come.
 */
class ActivityDeletedApiTest extends ApiTestBase {
    @Test
    void startExecution_activityDeletedBefore_failsWithStatesRuntime() {
        String activity = sfn.createActivity(b -> b.name(unique("gone"))).activityArn();
        String sm = createMachine(unique("uses-gone"), """
                {"StartAt":"ActivityTask","States":{"ActivityTask":{"Type":"Task","Resource":"%s",
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                 "Caught":{"Type":"Pass","End":true}}}""".formatted(activity));
        sfn.deleteActivity(b -> b.activityArn(activity));

        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        DescribeExecutionResponse d = await(exec);

        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.Runtime");
        assertThat(d.cause()).isEqualTo("An error occurred while executing the state 'ActivityTask' (entered at the "
                + "event id #2). The activity " + activity + " does not exist.");
    }
}
