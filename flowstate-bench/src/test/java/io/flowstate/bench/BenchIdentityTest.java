package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchIdentityTest {
    private final BenchIdentity identity = new BenchIdentity();

    @Test
    void invoke_inputWithoutCalls_setsCallsToOneAndLeavesInputAlone() throws Exception {
        var input = Json.parse("{\"a\":{\"b\":1}}");

        TaskOutcome outcome = identity.invoke(call(BenchIdentity.ARN, input));

        assertThat(outcome).isInstanceOf(TaskOutcome.Success.class);
        assertThat(((TaskOutcome.Success) outcome).output()).isEqualTo(Json.parse("{\"a\":{\"b\":1},\"calls\":1}"));
        assertThat(input).isEqualTo(Json.parse("{\"a\":{\"b\":1}}"));
    }

    @Test
    void invoke_inputWithCalls_incrementsThem() throws Exception {
        TaskOutcome outcome = identity.invoke(call(BenchIdentity.ARN, Json.parse("{\"calls\":9}")));

        assertThat(((TaskOutcome.Success) outcome).output().get("calls").asInt()).isEqualTo(10);
    }

    @Test
    void invoke_otherResource_fails() throws Exception {
        TaskOutcome outcome = identity.invoke(call("arn:aws:lambda:us-east-1:123456789012:function:other",
                Json.parse("{}")));

        assertThat(outcome).isInstanceOf(TaskOutcome.Failure.class);
    }

    private static TaskInvocation call(String resource, com.fasterxml.jackson.databind.JsonNode input) {
        return new TaskInvocation(resource, input, "arn:exec", "T01", 0, Optional.empty(), Optional.empty());
    }
}
