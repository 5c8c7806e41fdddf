package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** JSONata's top-level reference rule and the variable rules, as an AWS SDK client meets them. */
class JsonataVariablesApiTest extends ApiTestBase {
    @Test
    void createStateMachine_jsonataTopLevelFieldReference_invalidDefinitionWithAwsMessage() {
        String definition = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"E\",\"States\":{\"E\":{\"Type\":\"Pass\","
                + "\"Output\":{\"v\":\"{% phone[0] %}\"},\"End\":true}}}";

        assertThatThrownBy(() -> createMachine(unique("toplevel"), definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference"
                        + " to 'phone' at the top level is not supported. at /States/E/Output/v'");
    }

    @Test
    void startSyncExecution_variableOver256KiB_failsWithDataLimitExceeded() {
        String definition = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"Assign\":{\"big\":\"{% $join($map($range(1, 300, 1), function($i){ $pad('', 1000, 'x') })) %}\"},"
                + "\"Output\":{},\"End\":true}}}";
        String sm = sfn.createStateMachine(b -> b.name(unique("varlimit")).definition(definition).roleArn(ROLE)
                .type("EXPRESS")).stateMachineArn();

        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(sm).input("{}"));

        assertThat(r.status()).isEqualTo(SyncExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).contains("The value assigned to the variable 'big' has a size of 300002 bytes");
    }

    @Test
    void startSyncExecution_branchAssignsOuterVariable_failsWithStatesRuntime() {
        String definition = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Pass\",\"Assign\":{\"x\":1},\"Next\":\"P\"},"
                + "\"P\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"B\",\"States\":{"
                + "\"B\":{\"Type\":\"Pass\",\"Assign\":{\"x\":2},\"End\":true}}}],\"End\":true}}}";
        String sm = sfn.createStateMachine(b -> b.name(unique("shadow")).definition(definition).roleArn(ROLE)
                .type("EXPRESS")).stateMachineArn();

        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(sm).input("{}"));

        assertThat(r.status()).isEqualTo(SyncExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("The variable 'x' cannot be assigned in a Parallel branch or Map iteration");
    }
}
