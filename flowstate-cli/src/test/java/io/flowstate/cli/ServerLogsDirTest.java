package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;

/** {@code flowstate server --logs-dir}: execution logs as one JSON-lines file per log group, no CloudWatch Logs. */
class ServerLogsDirTest {
    @TempDir
    Path data;
    @TempDir
    Path logs;

    @Test
    void logsDir_loggingLevelAll_writesEachEventOfTheExecutionToTheGroupsFile() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString(),
                "--logs-dir", logs.toString()));
                SfnClient sfn = ServerRuns.client(server.port(), "logs", Duration.ofSeconds(10))) {
            String sm = sfn.createStateMachine(b -> b.name("logged").roleArn("arn:aws:iam::123456789012:role/r")
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")
                    .loggingConfiguration(l -> l.level(LogLevel.ALL).includeExecutionData(true).destinations(LogDestination.builder()
                            .cloudWatchLogsLogGroup(g -> g.logGroupArn(
                                    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/states/logged:*")).build())))
                    .stateMachineArn();
            String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"a\":1}")).executionArn();
            Path file = logs.resolve("_aws_states_logged.jsonl");

            // The appender writes in the background: wait for the file, not for a Wait state.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((!Files.exists(file) || !Files.readString(file).contains("ExecutionSucceeded"))
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).contains("\"type\":\"ExecutionStarted\"").contains("\"execution_arn\":\"" + exec + "\"")
                    .contains("\"id\":\"1\"");
            assertThat(lines.get(3)).contains("\"type\":\"ExecutionSucceeded\"");
        }
    }
}
