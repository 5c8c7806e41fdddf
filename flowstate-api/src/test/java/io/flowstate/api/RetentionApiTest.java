package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.ManualTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/** Retention: closed executions go after the configured time, running ones stay, on the testing clock. */
class RetentionApiTest {
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-01-01T00:00:00Z"));
    private StepFunctions service;
    private ApiServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", timers.clock()), TaskHandlers.unbound(),
                timers, Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
        service.close();
    }

    @Test
    void applyRetention_executionsEndedLongerAgo_areDeletedAndRunningOnesKept() {
        String done = sfn.createStateMachine(b -> b.name("done").roleArn("arn:aws:iam::123456789012:role/r")
                .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
        String waits = sfn.createStateMachine(b -> b.name("waits").roleArn("arn:aws:iam::123456789012:role/r")
                .definition("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":31536000,\"End\":true}}}"))
                .stateMachineArn();
        String old = sfn.startExecution(b -> b.stateMachineArn(done).name("old")).executionArn();
        String running = sfn.startExecution(b -> b.stateMachineArn(waits).name("running")).executionArn();
        timers.advance(Duration.ofDays(60));
        String recent = sfn.startExecution(b -> b.stateMachineArn(done).name("recent")).executionArn();
        timers.advance(Duration.ofDays(31));

        assertThat(service.applyRetention(Duration.ofDays(90))).isEqualTo(1);

        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(old)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThat(sfn.describeExecution(b -> b.executionArn(recent)).statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(sfn.describeExecution(b -> b.executionArn(running)).statusAsString()).isEqualTo("RUNNING");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(done)).executions()).hasSize(1);
        assertThat(service.applyRetention(Duration.ofDays(90))).isZero();
    }
}
