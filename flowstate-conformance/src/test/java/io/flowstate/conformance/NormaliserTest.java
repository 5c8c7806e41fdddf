package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NormaliserTest {
    private static final String LAMBDA = "{\"arn_token\":\"__LAMBDA_1_ARN__\",\"name_token\":\"__LAMBDA_1_NAME__\","
            + "\"recorded_name_placeholder\":\"<lambda_function_name>\",\"behaviour\":{\"kind\":\"identity\"}}";

    private static ConformanceCase testCase(String expected) {
        return new ConformanceCase("cat/case", "cat", CaseKind.EXECUTION, Optional.empty(), "SUCCEEDED", "STANDARD",
                "{}", Optional.of("{}"), Json.parse(expected), List.of(LambdaNeed.fromJson(Json.parse(LAMBDA))),
                Optional.empty());
    }

    private static JsonNode normalise(ConformanceCase testCase, String snapshot) {
        return Normaliser.of(testCase, CaseNames.of(testCase)).normalise(Json.parse(snapshot));
    }

    @Test
    void normalise_namesAccountRegionAndPartition_becomePlaceholders() {
        ConformanceCase testCase = testCase("{\"name_placeholders\":{\"role_arn\":\"snf_role_arn\","
                + "\"state_machine_name\":\"<ArnPart_0idx>\",\"execution_name\":\"<ExecArnPart_0idx>\"}}");
        CaseNames names = CaseNames.of(testCase);
        String snapshot = "{\"output\":{\"id\":\"" + Arns.execution(names.stateMachine(), names.execution())
                + "\",\"role\":\"" + Arns.ROLE_ARN + "\",\"fn\":\"" + names.lambdaArns().get("__LAMBDA_1_ARN__") + "\"}}";

        assertThat(normalise(testCase, snapshot).path("output")).isEqualTo(Json.parse("{"
                + "\"id\":\"arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>\","
                + "\"role\":\"snf_role_arn\","
                + "\"fn\":\"arn:<partition>:lambda:<region>:111111111111:function:<lambda_function_name>\"}"));
    }

    @Test
    void normalise_validDatesInsideText_becomeDate() {
        JsonNode actual = normalise(testCase("{}"),
                "{\"cause\":\"at 2024-01-01T10:00:00.123Z and 2016-13-05T21:29:29Z and 2024-01-01T00:00:00\"}");

        assertThat(actual.path("cause").asText()).isEqualTo("at date and 2016-13-05T21:29:29Z and 2024-01-01T00:00:00");
    }

    @Test
    void normalise_eventJsonObjectStrings_areParsedOneLevelOnly() {
        JsonNode actual = normalise(testCase("{}"), "{\"events\":[{\"stateExitedEventDetails\":{"
                + "\"output\":\"{\\\"Cause\\\":\\\"{\\\\\\\"a\\\\\\\":1}\\\"}\",\"other\":\"[1]\"}}]}");
        JsonNode details = actual.path("events").get(0).path("stateExitedEventDetails");

        assertThat(details.path("output").isObject()).isTrue();
        assertThat(details.path("output").path("Cause").asText()).isEqualTo("{\"a\":1}");
        assertThat(details.path("other").asText()).isEqualTo("[1]");
    }

    @Test
    void normalise_topLevelOutput_isNotWalked() {
        JsonNode actual = normalise(testCase("{}"), "{\"output\":{\"Cause\":\"{\\\"a\\\":1}\"}}");

        assertThat(actual.path("output").path("Cause").isTextual()).isTrue();
    }

    @Test
    void normalise_jsonPathTransformer_replacesEveryMatchInParsedPayloads() {
        ConformanceCase testCase = testCase("{\"test_snapshot_transformers\":[{\"type\":\"jsonpath\","
                + "\"jsonpath\":\"$..StartTime\",\"replacement\":\"start-time\",\"replace_reference\":false}]}");

        JsonNode actual = normalise(testCase, "{\"output\":{\"a\":{\"StartTime\":\"x\"}},"
                + "\"events\":[{\"d\":{\"output\":\"{\\\"StartTime\\\":\\\"y\\\"}\"}}]}");

        assertThat(actual.path("output").path("a").path("StartTime").asText()).isEqualTo("start-time");
        assertThat(actual.path("events").get(0).path("d").path("output").path("StartTime").asText())
                .isEqualTo("start-time");
    }

    @Test
    void normalise_jsonPathWithReference_numbersValuesAndReplacesThemEverywhere() {
        ConformanceCase testCase = testCase("{\"test_snapshot_transformers\":[{\"type\":\"jsonpath\","
                + "\"jsonpath\":\"$..LogResult\",\"replacement\":\"LogResult\",\"replace_reference\":true}]}");

        JsonNode actual = normalise(testCase, "{\"output\":{\"LogResult\":\"abc\",\"copy\":\"log abc\"}}");

        assertThat(actual.path("output")).isEqualTo(Json.parse("{\"LogResult\":\"<LogResult:1>\",\"copy\":\"log <LogResult:1>\"}"));
    }

    @Test
    void normalise_regexTransformer_worksOnSerialisedText() {
        ConformanceCase testCase = testCase("{\"test_snapshot_transformers\":[{\"type\":\"regex\","
                + "\"replacement\":\"\\\\\\\"requestId\\\\\\\": \\\\\\\"<request-id>\\\\\\\"\","
                + "\"value\":\"\\\\\\\\\\\\\\\"requestId\\\\\\\\\\\\\\\": \\\\\\\\\\\\\\\"([a-f0-9\\\\-]+)\\\\\\\\\\\\\\\"\"}]}");

        JsonNode actual = normalise(testCase, "{\"output\":{\"Cause\":\"{\\\"requestId\\\": \\\"ab-12\\\"}\"}}");

        assertThat(actual.path("output").path("Cause").asText()).isEqualTo("{\"requestId\": \"<request-id>\"}");
    }

    @Test
    void normalise_keyValueTransformer_replacesValuesOfThatKey() {
        ConformanceCase testCase = testCase("{\"test_snapshot_transformers\":[{\"type\":\"key_value\","
                + "\"key\":\"RoleArn\",\"replacement\":\"role-arn\",\"replace_reference\":false}]}");

        assertThat(normalise(testCase, "{\"output\":{\"x\":{\"RoleArn\":\"r\"}}}").path("output").path("x")
                .path("RoleArn").asText()).isEqualTo("role-arn");
    }

    @Test
    void normalise_lambdaRenameTransformer_winsOverTheNeedsPlaceholder() {
        ConformanceCase testCase = testCase("{\"test_snapshot_transformers\":[{\"type\":\"regex\","
                + "\"replacement\":\"lambda_function_name\",\"value\":\"__LAMBDA_1_NAME__\",\"applies_to\":\"x\"}]}");
        String name = CaseNames.of(testCase).lambdaNames().get("__LAMBDA_1_NAME__");

        assertThat(normalise(testCase, "{\"output\":\"" + name + "\"}").path("output").asText())
                .isEqualTo("lambda_function_name");
    }
}
