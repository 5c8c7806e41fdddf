package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class DefinitionAndMiscApiTest extends ApiTestBase {
    @Test
    void validateStateMachineDefinition_validAndInvalid_okOrFailWithDiagnostics() {
        var ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
        var fail = sfn.validateStateMachineDefinition(b -> b.definition("{\"StartAt\":\"A\"}"));

        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(fail.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(fail.diagnostics().get(0).code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
        assertThat(fail.diagnostics().get(0).location()).isEqualTo("/");
        assertThat(fail.truncated()).isFalse();
    }

    @Test
    void redriveExecution_succeededOrUnknown_awsErrors() {
        String sm = createMachine(unique("redrive"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn("execution:x:none"))))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void mapRuns_noneExist_emptyListAndResourceNotFound() {
        String sm = createMachine(unique("maprun"), PASS);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String mapRun = arn("mapRun:x/m:" + "0a1b2c3d-0000-0000-0000-000000000000");

        assertThat(sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns()).isEmpty();
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(mapRun))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(2)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
