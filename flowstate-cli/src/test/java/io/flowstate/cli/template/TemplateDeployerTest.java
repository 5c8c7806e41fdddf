package io.flowstate.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import io.flowstate.cli.template.TemplateDeployer.Action;
import io.flowstate.cli.template.TemplateDeployer.Deployed;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.store.jdbc.JdbcDatabase;
import io.flowstate.store.jdbc.JdbcStores;
import io.flowstate.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowstate server --deploy}: each start deploys the templates to the server's SQLite store, as the server
 * does after recovery, through the service's CreateStateMachine and UpdateStateMachine.
 */
class TemplateDeployerTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:greeter-dev";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** The template's machine greets with {@code message}; its name comes from the Stage parameter. */
    private Path template(String message) throws Exception {
        Path t = dir.resolve("template.yaml");
        Files.writeString(t, """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  Greeter:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Name: !Sub greeter-${Stage}
                      Role: !GetAtt GreeterRole.Arn
                      Definition:
                        StartAt: Greet
                        States:
                          Greet: {Type: Pass, Result: {message: '%s', stack: !Ref AWS::StackName}, End: true}
                  GreeterRole:
                    Type: AWS::IAM::Role
                """.formatted(message));
        return t;
    }

    /** One server start on the same database: recover, deploy, then what the machine is; then stop. */
    private record Start(List<Deployed> deployed, DescribeStateMachine.Response machine) {}

    private Start start(List<Path> templates) throws Exception {
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(dir.resolve("data").resolve("flowstate.db"));
                SystemTimers timers = new SystemTimers();
                StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012",
                        InstantSource.system()), TaskHandlers.unbound(), timers, Duration.ofSeconds(1), db.executions(),
                        db.registry())) {
            service.recover();
            List<Deployed> deployed = TemplateDeployer.deploy(service, "us-east-1", "123456789012", templates,
                    Optional.empty(), new PrintStream(log, true, StandardCharsets.UTF_8));
            return new Start(deployed, (DescribeStateMachine.Response) service.handle(
                    new DescribeStateMachine.Request(ARN, Optional.empty())));
        }
    }

    @Test
    void deploy_acrossRestarts_createsThenLeavesUnchangedThenUpdatesChangedDefinition() throws Exception {
        Start first = start(List.of(template("hello")));
        Start second = start(List.of(template("hello")));
        Start third = start(List.of(template("bonjour")));

        assertThat(first.deployed()).extracting(Deployed::action).containsExactly(Action.CREATED);
        assertThat(first.deployed().get(0).arn()).isEqualTo(ARN);
        assertThat(first.machine().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/GreeterRole");
        assertThat(result(first)).isEqualTo(Json.parse("{\"message\":\"hello\",\"stack\":\"template\"}"));

        assertThat(second.deployed()).extracting(Deployed::action).containsExactly(Action.UNCHANGED);
        assertThat(second.machine().revisionId()).isEqualTo(first.machine().revisionId());

        assertThat(third.deployed()).extracting(Deployed::action).containsExactly(Action.UPDATED);
        assertThat(third.machine().revisionId()).isNotEqualTo(first.machine().revisionId());
        assertThat(third.machine().creationDate()).isEqualTo(first.machine().creationDate());
        assertThat(result(third).get("message").asText()).isEqualTo("bonjour");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("flowstate: created state machine greeter-dev from " + dir.resolve("template.yaml")
                        + ": Resources.Greeter")
                .contains("flowstate: unchanged state machine greeter-dev")
                .contains("flowstate: updated state machine greeter-dev");
    }

    @Test
    void deploy_invalidDefinition_reportsTheMachinesPathAndCreatesNothing() throws Exception {
        Path t = dir.resolve("bad.yaml");
        Files.writeString(t, """
                Resources:
                  Broken:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: '{"StartAt": "Nowhere", "States": {"P": {"Type": "Pass", "End": true}}}'
                """);

        assertThatThrownBy(() -> start(List.of(t)))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(t + ": Resources.Broken: cannot deploy state machine Broken: InvalidDefinition: ");
    }

    @Test
    void deploy_sameNameFromTwoTemplates_isAnErrorBeforeAnythingIsDeployed() throws Exception {
        Path a = template("hello");
        Path b = dir.resolve("copy.yaml");
        Files.copy(a, b);

        assertThatThrownBy(() -> start(List.of(a, b)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("state machine name greeter-dev is also deployed by " + a + ": Resources.Greeter");
    }

    private static JsonNode result(Start s) throws Exception {
        return Json.parse(s.machine().definition().orElseThrow()).get("States").get("Greet").get("Result");
    }
}
