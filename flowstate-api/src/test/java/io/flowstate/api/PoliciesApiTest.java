package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AccessKeys;
import io.flowstate.api.auth.Policies;
import io.flowstate.api.auth.SigV4Authenticator;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code --policies}: a policy matrix through the AWS SDK, each refusal AWS's AccessDeniedException. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliciesApiTest {
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private StepFunctions service;
    private ApiServer server;
    private SfnClient admin;
    private SfnClient runner;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("credentials");
        Files.writeString(keys, """
                [admin]
                aws_access_key_id = AKIDADMIN
                aws_secret_access_key = admin-secret
                [runner]
                aws_access_key_id = AKIDRUNNER
                aws_secret_access_key = runner-secret
                """);
        Path policies = dir.resolve("policies.json");
        Files.writeString(policies, """
                {"admin": {"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "states:*", "Resource": "*"},
                   {"Effect": "Deny", "Action": "states:DeleteStateMachine", "Resource": "*"}]},
                 "AKIDRUNNER": {"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": ["states:StartExecution", "states:DescribeExecution"],
                    "Resource": ["arn:aws:states:us-east-1:123456789012:stateMachine:jobs-*",
                                 "arn:aws:states:us-east-1:123456789012:execution:jobs-*:*"]}]}}
                """);
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1), new InMemoryExecutionStore(),
                new InMemoryRegistryStore());
        server = ApiServer.start(service, "127.0.0.1", 0, List.of(), new AccessControl(
                new SigV4Authenticator(AccessKeys.read(keys), InstantSource.system()),
                Optional.of(Policies.read(policies)), "us-east-1", "123456789012"));
        admin = client("AKIDADMIN", "admin-secret");
        runner = client("AKIDRUNNER", "runner-secret");
    }

    @AfterAll
    void stop() {
        admin.close();
        runner.close();
        server.close();
        service.close();
    }

    private SfnClient client(String id, String secret) {
        return SignedClients.client(server.port(), id, secret);
    }

    private static String code(Throwable t) {
        return SignedClients.code(t);
    }

    @Test
    void matrix_allowedActionsServedOthersDenied() {
        String jobs = admin.createStateMachine(b -> b.name("jobs-a").definition(PASS).roleArn(ROLE)).stateMachineArn();
        String other = admin.createStateMachine(b -> b.name("other").definition(PASS).roleArn(ROLE)).stateMachineArn();

        String exec = runner.startExecution(b -> b.stateMachineArn(jobs)).executionArn();
        assertThat(runner.describeExecution(b -> b.executionArn(exec)).executionArn()).isEqualTo(exec);
        assertThatThrownBy(() -> runner.startExecution(b -> b.stateMachineArn(other)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDeniedException"))
                .hasMessageContaining("User: arn:aws:iam::123456789012:user/runner is not authorized to perform: "
                        + "states:StartExecution on resource: " + other);
        assertThatThrownBy(() -> runner.listStateMachines())
                .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDeniedException"));
        assertThatThrownBy(() -> runner.createStateMachine(b -> b.name("jobs-b").definition(PASS).roleArn(ROLE)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDeniedException"));
        assertThatThrownBy(() -> admin.deleteStateMachine(b -> b.stateMachineArn(other)))
                .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDeniedException"))
                .hasMessageContaining("with an explicit deny in an identity-based policy");
        assertThat(admin.listStateMachines().stateMachines()).hasSizeGreaterThanOrEqualTo(2);
    }
}
