package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFunctionTest {

    private static LambdaFunction function(String behaviourJson) {
        LambdaBehaviour behaviour = LambdaBehaviour.fromJson(Json.parse(behaviourJson), RecordedStackTrace.DEFAULT);
        return new LambdaFunction("fn", Arns.lambdaFunction("fn"), behaviour);
    }

    private static String payload(LambdaResult result) {
        assertThat(result).isInstanceOf(LambdaResult.Success.class);
        return ((LambdaResult.Success) result).payload();
    }

    @Test
    void invoke_identity_returnsTheInputAsPythonJson() {
        assertThat(payload(function("{\"kind\":\"identity\"}").invoke("{\"a\":1}"))).isEqualTo("{\"a\": 1}");
    }

    @Test
    void invoke_constant_returnsTheConstant() {
        assertThat(payload(function("{\"kind\":\"constant\",\"returns\":{\"Return\":\"HelloWorld\"}}").invoke("{}")))
                .isEqualTo("{\"Return\": \"HelloWorld\"}");
    }

    @Test
    void invoke_rawPayloads_returnTheBytesAsGiven() {
        assertThat(payload(function("{\"kind\":\"raw_payload\",\"payload\":\"\\\"HelloWorld!\\\"\"}").invoke("{}")))
                .isEqualTo("\"HelloWorld!\"");
        assertThat(payload(function("{\"kind\":\"raw_payload_repeat\",\"char\":\"a\",\"count\":263168}").invoke("{}")))
                .hasSize(263168).matches("a+");
    }

    @Test
    void invoke_pythonStrFormat_returnsTheDecoratedString() {
        LambdaResult result = function("{\"kind\":\"python_str_format\"}").invoke("{\"a\":1,\"b\":null}");

        assertThat(((LambdaResult.Success) result).json()).hasValueSatisfying(
                json -> assertThat(json.textValue()).isEqualTo("input-event-{'a': 1, 'b': None}"));
    }

    @Test
    void invoke_sleepThenIdentity_reportsTheSleepInsteadOfSleeping() {
        LambdaFunction function = function("{\"kind\":\"sleep_then_identity\",\"sleep_seconds\":60}");

        assertThat(function.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(payload(function.invoke("[1]"))).isEqualTo("[1]");
    }

    @Test
    void invoke_raise_returnsThePythonRuntimeErrorPayload() {
        LambdaResult result = function("{\"kind\":\"raise\",\"errorType\":\"Exception\","
                + "\"errorMessage\":\"Some exception was raised.\"}").invoke("{}");

        assertThat(result).isInstanceOf(LambdaResult.FunctionError.class);
        LambdaResult.FunctionError error = (LambdaResult.FunctionError) result;
        assertThat(error.errorType()).isEqualTo("Exception");
        assertThat(error.cause()).startsWith("{\"errorMessage\": \"Some exception was raised.\", "
                + "\"errorType\": \"Exception\", \"requestId\": \"");
        JsonNode cause = Json.parse(error.cause());
        assertThat(cause.path("requestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(cause.path("stackTrace").get(0).asText()).isEqualTo(RecordedStackTrace.DEFAULT.get(0));
    }

    @Test
    void recordedStackTrace_causeInsideAString_isFound() {
        JsonNode expected = Json.parse("{\"output\":{\"Cause\":\"{\\\"errorType\\\":\\\"CustomException\\\","
                + "\\\"stackTrace\\\":[\\\"line 9\\\"]}\"}}");

        assertThat(RecordedStackTrace.find(expected, "CustomException")).isEqualTo(List.of("line 9"));
        assertThat(RecordedStackTrace.find(expected, "Other")).isEqualTo(RecordedStackTrace.DEFAULT);
    }
}
