package io.flowstate.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MockResultCheckTest {
    private static Optional<String> check(String resource, String mode, String result) throws Exception {
        MockSchema schema = MockSchema.of(resource).orElseThrow();
        return MockResultCheck.problem(schema, mode, Json.parse(result));
    }

    @Test
    void of_callbackLambdaArnOrUnknownService_hasNoSchema() {
        assertThat(MockSchema.of("arn:aws:states:::lambda:invoke.waitForTaskToken")).isEmpty();
        assertThat(MockSchema.of("arn:aws:states:::ecs:runTask.sync")).isEmpty();
        assertThat(MockSchema.of("arn:aws:lambda:us-east-1:123456789012:function:f")).isEmpty();
        assertThat(MockSchema.of("arn:aws:states:::aws-sdk:nosuchservice:doIt")).isEmpty();
        assertThat(MockSchema.of("arn:aws:states:::aws-sdk:s3:noSuchAction")).isEmpty();
        assertThat(MockSchema.of("arn:aws:states:::aws-sdk:../x:y")).isEmpty();
    }

    @Test
    void problem_wrongScalarTypes_nameTheFieldAndType() throws Exception {
        assertThat(check("arn:aws:states:::lambda:invoke", "STRICT", "{\"StatusCode\": \"200\"}"))
                .contains("Mock result schema validation error: Field 'StatusCode' must be a number");
        assertThat(check("arn:aws:states:::aws-sdk:kms:encrypt", "PRESENT", "{\"CiphertextBlob\": 123}"))
                .contains("Mock result schema validation error: Field 'CiphertextBlob' must be a string");
        assertThat(check("arn:aws:states:::events:putEvents", "STRICT", "{\"Entries\": \"x\"}"))
                .contains("Mock result schema validation error: Field 'Entries' must be an array");
        assertThat(check("arn:aws:states:::events:putEvents", "STRICT",
                "{\"Entries\": [{\"EventId\": \"a\"}, {\"EventId\": [\"b\"]}]}"))
                .contains("Mock result schema validation error: Field 'EventId' must be a string");
    }

    @Test
    void problem_constraints_followTheModel() throws Exception {
        // The current Lambda model allows 128..32768 MiB (recordings from 2025 still refused 10241).
        assertThat(check("arn:aws:states:::aws-sdk:lambda:getFunction", "STRICT", "{\"Configuration\": {\"MemorySize\": 127}}"))
                .contains("Mock result schema validation error: Field 'MemorySize' is less than the minimum value");
        assertThat(check("arn:aws:states:::aws-sdk:lambda:getFunction", "STRICT", "{\"Configuration\": {\"MemorySize\": 32769}}"))
                .contains("Mock result schema validation error: Field 'MemorySize' exceeds the maximum value");
        assertThat(check("arn:aws:states:::aws-sdk:lambda:getFunction", "STRICT", "{\"Configuration\": {\"MemorySize\": 128}}"))
                .isEmpty();
        assertThat(check("arn:aws:states:::aws-sdk:s3:getObject", "STRICT", "{\"StorageClass\": \"Papyrus\"}"))
                .contains("Mock result schema validation error: Field 'StorageClass' is not an expected value");
        assertThat(check("arn:aws:states:::aws-sdk:s3:getObject", "STRICT", "{\"StorageClass\": \"GLACIER\"}")).isEmpty();
        assertThat(check("arn:aws:states:::aws-sdk:kms:encrypt", "STRICT", "{\"CiphertextBlob\": \"\"}"))
                .contains("Mock result schema validation error: Field 'CiphertextBlob' is smaller than the minimum length");
    }

    @Test
    void problem_unknownFieldsEmptyResultAndNoneMode_pass() throws Exception {
        assertThat(check("arn:aws:states:::events:putEvents", "STRICT", "{}")).isEmpty();
        assertThat(check("arn:aws:states:::events:putEvents", "STRICT", "{\"random\": \"json\"}")).isEmpty();
        assertThat(check("arn:aws:states:::lambda:invoke", "NONE", "{\"StatusCode\": \"200\"}")).isEmpty();
        assertThat(check("arn:aws:states:::lambda:invoke", "STRICT", "{\"StatusCode\": 200, \"Payload\": {\"a\": 1}}"))
                .isEmpty();
    }

    @Test
    void problem_missingRequiredField_onlyInStrictMode() throws Exception {
        // sqs:sendMessage has no required output field; stepfunctions StartExecution requires executionArn and startDate.
        assertThat(check("arn:aws:states:::states:startExecution", "STRICT", "{\"ExecutionArn\": \"arn\"}"))
                .contains("Mock result schema validation error: Required field 'StartDate' is missing");
        assertThat(check("arn:aws:states:::states:startExecution", "PRESENT", "{\"ExecutionArn\": \"arn\"}")).isEmpty();
    }
}
