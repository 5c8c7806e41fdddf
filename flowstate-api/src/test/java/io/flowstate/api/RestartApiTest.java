package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.Tag;

/**
 * A restart: a second server on the stores the first one wrote answers for everything the first one made
 * (state machines with revisions, versions and aliases, activities, tags, executions and their metadata) and
 * resumes the execution that was waiting. The stores are in memory here; the CLI's crash test runs the same on
 * SQLite in a child process.
 */
class RestartApiTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String V1 = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"End":true}}}""";
    private static final String V2 = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Next":"P"},"P":{"Type":"Pass","Result":2,"End":true}}}""";

    private final ExecutionStore executions = new InMemoryExecutionStore();
    private final RegistryStore registry = new InMemoryRegistryStore();
    private StepFunctions service;
    private ApiServer server;
    private SfnClient sfn;

    private void start() {
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1), executions, registry);
        service.recover();
        server = ApiServer.start(service, "127.0.0.1", 0);
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
        service.close();
    }

    @Test
    void restart_afterRegistryChangesAndExecutions_servesThemAllAndResumesTheRunningOne() throws Exception {
        start();
        String sm = sfn.createStateMachine(b -> b.name("m").definition(V1).roleArn(ROLE).publish(true)
                .tags(Tag.builder().key("team").value("a").build())).stateMachineArn();
        String v1 = sm + ":1";
        String done = sfn.startExecution(b -> b.stateMachineArn(v1).name("done").traceHeader("Root=1")).executionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(V2));
        String v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).description("two")).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(
                RoutingConfigurationListItem.builder().stateMachineVersionArn(v2).weight(100).build())).stateMachineAliasArn();
        String waiting = sfn.startExecution(b -> b.stateMachineArn(alias).name("waiting").input("{\"x\": 1}")).executionArn();
        String activity = sfn.createActivity(b -> b.name("act").tags(Tag.builder().key("k").value("v").build())).activityArn();
        DescribeStateMachineResponse before = sfn.describeStateMachine(b -> b.stateMachineArn(sm));
        List<HistoryEvent> doneHistory = sfn.getExecutionHistory(b -> b.executionArn(done)).events();
        stop();

        start();

        DescribeStateMachineResponse after = sfn.describeStateMachine(b -> b.stateMachineArn(sm));
        assertThat(after.equalsBySdkFields(before)).as("%s", after).isTrue();
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v1)).definition()).isEqualTo(V1);
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v2)).description()).isEqualTo("two");
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(v -> v.stateMachineVersionArn()).containsExactly(v2, v1);
        assertThat(sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).routingConfiguration())
                .extracting(RoutingConfigurationListItem::stateMachineVersionArn).containsExactly(v2);
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(sm)).tags()).containsExactly(Tag.builder().key("team").value("a").build());
        assertThat(sfn.listActivities(b -> { }).activities()).extracting(a -> a.activityArn()).containsExactly(activity);
        assertThat(sfn.listTagsForResource(b -> b.resourceArn(activity)).tags()).extracting(Tag::key).containsExactly("k");

        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(done));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.stateMachineVersionArn()).isEqualTo(v1);
        assertThat(d.traceHeader()).isEqualTo("Root=1");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(done)).events()).isEqualTo(doneHistory);
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(done)).definition()).isEqualTo(V1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).extracting(ExecutionListItem::name)
                .containsExactlyInAnyOrder("done", "waiting");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions()).extracting(ExecutionListItem::name)
                .containsExactly("waiting");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sfn.describeExecution(b -> b.executionArn(waiting)).status() == ExecutionStatus.RUNNING
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        DescribeExecutionResponse resumed = sfn.describeExecution(b -> b.executionArn(waiting));
        assertThat(resumed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(resumed.output()).isEqualTo("2");
        assertThat(resumed.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(waiting)).definition()).isEqualTo(V2);
    }

    @Test
    void restart_afterDeletes_forgetsDeletedResources() {
        start();
        String sm = sfn.createStateMachine(b -> b.name("gone").definition(V1).roleArn(ROLE).publish(true)).stateMachineArn();
        String keep = sfn.createStateMachine(b -> b.name("kept").definition(V1).roleArn(ROLE)).stateMachineArn();
        String activity = sfn.createActivity(b -> b.name("act")).activityArn();
        sfn.deleteStateMachine(b -> b.stateMachineArn(sm));
        sfn.deleteActivity(b -> b.activityArn(activity));
        stop();

        start();

        assertThat(sfn.listStateMachines(b -> { }).stateMachines()).extracting(m -> m.stateMachineArn()).containsExactly(keep);
        assertThat(sfn.listActivities(b -> { }).activities()).isEmpty();
    }
}
