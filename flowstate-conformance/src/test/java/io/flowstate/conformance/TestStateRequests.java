package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.TestStateConfiguration;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;

/** A recorded TestState request (the corpus's {@code request.json}) as the SDK's request object. */
final class TestStateRequests {
    private TestStateRequests() {}

    static TestStateRequest of(JsonNode r) {
        TestStateRequest.Builder b = TestStateRequest.builder().definition(text(r, "definition"))
                .roleArn(text(r, "roleArn")).input(text(r, "input")).inspectionLevel(text(r, "inspectionLevel"))
                .variables(text(r, "variables")).stateName(text(r, "stateName")).context(text(r, "context"));
        if (r.has("revealSecrets")) {
            b.revealSecrets(r.get("revealSecrets").asBoolean());
        }
        JsonNode m = r.path("mock");
        if (m.isObject()) {
            MockInput.Builder mock = MockInput.builder().result(text(m, "result"))
                    .fieldValidationMode(text(m, "fieldValidationMode"));
            JsonNode e = m.path("errorOutput");
            if (e.isObject()) {
                mock.errorOutput(o -> o.error(text(e, "error")).cause(text(e, "cause")));
            }
            b.mock(mock.build());
        }
        JsonNode c = r.path("stateConfiguration");
        if (c.isObject()) {
            TestStateConfiguration.Builder config = TestStateConfiguration.builder()
                    .errorCausedByState(text(c, "errorCausedByState")).mapItemReaderData(text(c, "mapItemReaderData"));
            if (c.has("retrierRetryCount")) {
                config.retrierRetryCount(c.get("retrierRetryCount").asInt());
            }
            if (c.has("mapIterationFailureCount")) {
                config.mapIterationFailureCount(c.get("mapIterationFailureCount").asInt());
            }
            b.stateConfiguration(config.build());
        }
        return b.build();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.textValue() : null;
    }
}
