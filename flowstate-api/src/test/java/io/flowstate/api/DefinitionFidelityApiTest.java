package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * Definitions AWS refuses at creation, as an AWS SDK client meets them: CreateStateMachine answers
 * InvalidDefinition with the diagnostic, and ValidateStateMachineDefinition reports the same diagnostic.
 */
class DefinitionFidelityApiTest extends ApiTestBase {
    private static final String S3_TASK = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:s3:::bucket\",\"End\":true}}}";
    private static final String RESULT_IN_ARGUMENTS = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"T\",\"States\":{"
            + "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
            + "\"Arguments\":{\"x\":\"{% $states.result %}\"},\"End\":true}}}";

    @Test
    void createStateMachine_resourceOfAnotherService_invalidDefinitionWithAwsMessage() {
        assertThatThrownBy(() -> createMachine(unique("s3res"), S3_TASK))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The resource"
                        + " provided arn:aws:s3:::bucket is not recognized. The value is not a valid resource ARN,"
                        + " or the resource is not available in this region. at /States/T/Resource'");
    }

    @Test
    void validateStateMachineDefinition_resourceOfAnotherService_sameDiagnostic() {
        var r = sfn.validateStateMachineDefinition(b -> b.definition(S3_TASK));

        assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(d.message()).startsWith("The resource provided arn:aws:s3:::bucket is not recognized.");
            assertThat(d.location()).isEqualTo("/States/T/Resource");
        });
    }

    @Test
    void createStateMachine_statesResultInArguments_invalidDefinition() {
        assertThatThrownBy(() -> createMachine(unique("resultargs"), RESULT_IN_ARGUMENTS))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Field"
                        + " '$states.result' does not exist. at /States/T/Arguments/x'");
    }

    @Test
    void validateStateMachineDefinition_statesResultInArguments_sameDiagnostic() {
        var r = sfn.validateStateMachineDefinition(b -> b.definition(RESULT_IN_ARGUMENTS));

        assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("UNSUPPORTED_JSONATA_EXPRESSION");
            assertThat(d.message()).isEqualTo("Field '$states.result' does not exist.");
            assertThat(d.location()).isEqualTo("/States/T/Arguments/x");
        });
    }

    /**
     * AWS's sample aws-samples/serverless-account-signup-service filters with an unquoted word
     * ({@code $..interests[?(@.category==home)]}); AWS also accepts an array as Parameters.
     */
    @Test
    void startSyncExecution_unquotedFilterWordAndArrayParameters_runAsOnAws() {
        String definition = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"InputPath\":\"$..interests[?(@.category==home)]\",\"Parameters\":[{\"n.$\":\"$[0].type\"}],"
                + "\"End\":true}}}";
        String sm = sfn.createStateMachine(b -> b.name(unique("fidelity")).definition(definition).roleArn(ROLE)
                .type("EXPRESS")).stateMachineArn();

        var r = sfn.startSyncExecution(b -> b.stateMachineArn(sm).input("{\"data\":{\"interests\":["
                + "{\"category\":\"home\",\"type\":\"own\"},{\"category\":\"auto\",\"type\":\"car\"}]}}"));

        assertThat(r.output()).isEqualTo("[{\"n\":\"own\"}]");
    }
}
