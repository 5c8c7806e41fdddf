package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class TestStateApiTest extends ApiTestBase {
    @Test
    void testState_loneStateAtDebug_outputNextStateAndInspectionData() {
        TestStateResponse r = sfn.testState(b -> b.roleArn(ROLE).inspectionLevel(InspectionLevel.DEBUG)
                .definition("{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"$.x\"},\"ResultPath\":\"$.r\",\"Next\":\"Later\"}")
                .input("{\"x\": 1}"));

        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Later");
        assertThat(r.output()).isEqualTo("{\"x\":1,\"r\":{\"a\":1}}");
        assertThat(r.inspectionData().input()).isEqualTo("{\"x\": 1}");
        assertThat(r.inspectionData().afterParameters()).isEqualTo("{\"a\":1}");
    }

    @Test
    void testState_stateNameOfMachineAtInfo_noInspectionData() {
        TestStateResponse r = sfn.testState(b -> b.roleArn(ROLE).stateName("B")
                .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
                        + "\"B\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"C\"}}}"));

        assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("E");
        assertThat(r.cause()).isEqualTo("C");
        assertThat(r.inspectionData()).isNull();
    }

    @Test
    void testState_taskWithMockedError_retriableWithBackoff() {
        TestStateResponse r = sfn.testState(b -> b.roleArn(ROLE).inspectionLevel(InspectionLevel.TRACE)
                .definition("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                        + "\"Parameters\":{\"FunctionName\":\"f\"},\"Retry\":[{\"ErrorEquals\":[\"X\"],\"IntervalSeconds\":3}],\"End\":true}")
                .mock(m -> m.errorOutput(e -> e.error("X").cause("boom"))));

        assertThat(r.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(r.inspectionData().errorDetails().retryIndex()).isZero();
        assertThat(r.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(3);
    }

    /** The recorded TestState rejections of the services corpus (test_state_*, state_context_object, state_mock_*). */
    @Test
    void testState_requestsAwsRefuses_validationExceptionsWithAwsMessages() {
        String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true}";
        assertThatThrownBy(() -> sfn.testState(b -> b.definition(task)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RoleArn must be specified when testing a Task state");
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE).definition(task).mock(m -> m.result("not JSON"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Mocked result must be valid JSON");
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE).definition(task)
                .context("{\"Task\":{\"Token\":\"t\"}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Context object contains 'Task' when state is not");
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE)
                .definition("{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":"
                        + "{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}")
                .stateConfiguration(c -> c.mapIterationFailureCount(1))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("TestState does not support MapIterationFailureCount when a mock is not specified.");
    }

    @Test
    void testState_badRequests_awsErrors() {
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE).stateName("nope")
                .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("State not found in definition");
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE)
                .definition("{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}],\"End\":true}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("does not support Map or Parallel");
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE).definition("{\"Type\":\"Pass\",\"End\":true}")
                .mock(m -> m.result("{}"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("State type 'Pass' is not supported");
    }
}
