package io.flowstate.cli;

import static io.flowstate.cli.CliRun.flowstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.cli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code flowstate run TEMPLATE}: SAM, CloudFormation and CDK-synthesized templates run as their ASL would, with
 * Task states answered by a mock config keyed by the state machine's name.
 */
class TemplateRunTest {
    @TempDir
    Path dir;

    static String resource(String name) throws Exception {
        return Path.of(TemplateRunTest.class.getResource("/templates/" + name).toURI()).toString();
    }

    @Test
    void run_samTemplateWithDefinitionSubstitutions_resolvesPlaceholdersAndRunsMockedTask() throws Exception {
        Outcome o = flowstate("run", resource("sam/template.yaml"), "--mock-config", resource("sam/MockConfigFile.json"),
                "--test-case", "HappyPath", "--input", "{\"orderId\":\"o-1\"}");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("""
                {"table":"orders-dev",
                 "queue":"https://sqs.us-east-1.amazonaws.com/123456789012/NotifyQueue",
                 "function":"arn:aws:lambda:us-east-1:123456789012:function:charge-dev",
                 "region":"us-east-1","stage":"dev","charged":true}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam/prod-parameters.json", "sam/prod-parameters.yaml"})
    void run_samTemplateWithParametersFile_overridesDefaultsInNamesAndMockKey(String parameters) throws Exception {
        Outcome o = flowstate("run", resource("sam/template.yaml"), "--parameters", resource(parameters),
                "--mock-config", resource("sam/MockConfigFile.json"), "--test-case", "HappyPath");

        assertThat(o.exit()).as(o.err()).isZero();
        // The machine is now order-flow-prod, whose test case declines the charge.
        assertThat(o.json().get("charged").booleanValue()).isFalse();
        assertThat(o.json().get("table").textValue()).isEqualTo("orders-prod");
        assertThat(o.json().get("function").textValue()).endsWith(":function:charge-prod");
    }

    @Test
    void run_cloudFormationDefinitionStringWithSub_resolvesParametersPseudoParametersAndAttributes() throws Exception {
        Outcome o = flowstate("run", resource("cfn/greeter-stack.json"), "--mock-config", resource("cfn/MockConfigFile.json"),
                "--test-case", "HappyPath", "--input", "{\"name\":\"world\"}", "--history", dir.resolve("h.json").toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("""
                {"message":"Hello, world!","topic":"arn:aws:sns:us-east-1:123456789012:alerts",
                 "where":"us-east-1/123456789012/aws/amazonaws.com","stack":"greeter-stack",
                 "literal":"${NotReplaced}","work":{"ok":1}}"""));
        assertThat(Files.readString(dir.resolve("h.json")))
                .contains("arn:aws:lambda:us-east-1:123456789012:function:WorkerFunction");
    }

    @Test
    void run_cdkSynthesizedTemplate_joinsDefinitionAndInvokesFunctionByItsArn() throws Exception {
        Path history = dir.resolve("history.json");

        Outcome o = flowstate("run", resource("cdk/CdkStack.template.json"), "--mock-config",
                resource("cdk/MockConfigFile.json"), "--test-case", "HappyPath", "--history", history.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("{\"greeting\":\"hi\"}"));
        JsonNode scheduled = null;
        for (JsonNode e : Json.parse(Files.readString(history)).get("events")) {
            if (e.get("type").asText().equals("TaskScheduled")) {
                scheduled = e.get("taskScheduledEventDetails");
            }
        }
        assertThat(scheduled).isNotNull();
        assertThat(scheduled.get("resourceType").asText()).isEqualTo("lambda");
        assertThat(Json.parse(scheduled.get("parameters").asText()).get("FunctionName").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Handler886CB40B");
    }

    @Test
    void run_cdkSynthesizedTemplateWithFlakyFunction_retriesAsItsDefinitionSays() throws Exception {
        Outcome o = flowstate("run", resource("cdk/CdkStack.template.json"), "--mock-config",
                resource("cdk/MockConfigFile.json"), "--test-case", "Flaky", "--skip-waits");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("{\"greeting\":\"hi again\"}"));
    }

    @Test
    void run_templateWithSeveralMachines_withoutResourceListsThemAndExitsTwo() throws Exception {
        Path t = twoMachines();

        Outcome o = flowstate("run", t.toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("declares 2 state machines (First, Second)").contains("--resource");
    }

    @Test
    void run_templateWithSeveralMachines_resourceChoosesOne() throws Exception {
        Outcome o = flowstate("run", twoMachines().toString(), "--resource", "Second");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("{\"which\":\"second\"}"));
    }

    @Test
    void run_resourceOptionWithAslDefinition_exitsTwo() throws Exception {
        Path def = dir.resolve("p.json");
        Files.writeString(def, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");

        Outcome o = flowstate("run", def.toString(), "--resource", "X");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--resource and --parameters need a SAM or CloudFormation template");
    }

    private Path twoMachines() throws Exception {
        Path t = dir.resolve("two.yaml");
        Files.writeString(t, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  First:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, Result: {which: first}, End: true}}}
                  Second:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: P, States: {P: {Type: Pass, Result: {which: second}, End: true}}}
                """);
        return t;
    }
}
