package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code flowstate server --deploy} as users start it (a child process): the repeatable option and
 * {@code --parameters} reach the deployer, the state machines are there before the first request, and a restart
 * leaves an unchanged one alone. (Updates on change are covered in-process by {@code TemplateDeployerTest}.)
 */
class ServerDeployTest {
    @TempDir
    Path data;

    @Test
    void server_deployTwoTemplates_createsTheirMachinesThenLeavesThemUnchangedOnRestart() throws Exception {
        List<String> options = List.of("--port", "0", "--data", data.toString(),
                "--deploy", TemplateRunTest.resource("sam/template.yaml"),
                "--deploy", TemplateRunTest.resource("cdk/CdkStack.template.json"),
                "--parameters", TemplateRunTest.resource("sam/prod-parameters.yaml"));
        try (ServerProcess first = ServerProcess.start(options)) {
            assertThat(first.output()).anyMatch(l -> l.startsWith("flowstate: created state machine order-flow-prod from "))
                    .anyMatch(l -> l.startsWith("flowstate: created state machine StateMachine2E01A3A5 from "));
            try (SfnClient sfn = ServerRuns.client(first.port(), "local", Duration.ofSeconds(10))) {
                String definition = sfn.describeStateMachine(b -> b.stateMachineArn(
                        "arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine2E01A3A5")).definition();
                assertThat(definition).contains("\"FunctionName\":\"arn:aws:lambda:us-east-1:123456789012:function:Handler886CB40B\"");
            }
        }
        try (ServerProcess second = ServerProcess.start(options)) {
            assertThat(second.output()).anyMatch(l -> l.startsWith("flowstate: unchanged state machine order-flow-prod "))
                    .anyMatch(l -> l.startsWith("flowstate: unchanged state machine StateMachine2E01A3A5 "));
        }
    }
}
