package io.flowstate.engine.interp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a Task's Resource shows in history. "Discover service integration patterns" (connect-to-resource.html): the
 * {@code :::} of {@code arn:aws:states:::<service>:<action>} "denotes empty region and account-id fields which are
 * unnecessary"; definitions exported from deployed machines fill them in and still name the same integration.
 */
class TaskResourceTest {
    @Test
    void of_integrationWithoutRegion_isServiceTypeAndAction() {
        TaskResource r = TaskResource.of("arn:aws:states:::aws-sdk:s3:getObject");

        assertThat(r).isEqualTo(new TaskResource(TaskResource.Kind.SERVICE, "aws-sdk:s3", "getObject"));
    }

    /** A regional integration ARN used to show as resource type "unknown" with the whole ARN as its name. */
    @Test
    void of_integrationWithRegionAndAccount_isTheSameServiceTypeAndAction() {
        TaskResource sdk = TaskResource.of("arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject");
        TaskResource sync2 = TaskResource.of("arn:aws:states:us-east-1:123456789012:states:startExecution.sync:2");

        assertThat(sdk).isEqualTo(new TaskResource(TaskResource.Kind.SERVICE, "aws-sdk:s3", "getObject"));
        assertThat(sync2).isEqualTo(new TaskResource(TaskResource.Kind.SERVICE, "states", "startExecution.sync:2"));
    }

    @Test
    void of_activityArn_isAnActivity() {
        TaskResource r = TaskResource.of("arn:aws:states:us-east-1:123456789012:activity:approve");

        assertThat(r.kind()).isEqualTo(TaskResource.Kind.ACTIVITY);
    }
}
