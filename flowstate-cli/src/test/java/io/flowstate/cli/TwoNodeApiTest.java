package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.store.jdbc.JdbcDatabase;
import io.flowstate.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Two nodes (in-process API servers, each with its own pool and cluster membership) on one embedded PostgreSQL,
 * driven with the AWS SDK: whatever is registered on one node is usable on the other at once, and the
 * operations on executions work on the node that does not own them.
 */
class TwoNodeApiTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/two";
    private static final String ACTIVITY_MACHINE = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\","
            + "\"Resource\":\"%s\",\"End\":true}}}";
    private static final String WAIT_MACHINE = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";

    private static EmbeddedPostgres pg;
    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static SfnClient a;
    private static SfnClient b;

    @BeforeAll
    static void start() throws Exception {
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            Assumptions.abort("embedded PostgreSQL could not start on this machine: " + e);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE flowstate_two");
        }
        String url = pg.getJdbcUrl("postgres", "flowstate_two");
        a = node(url, "a");
        b = node(url, "b");
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void stateMachine_createdAndVersionedOnOneNode_isStartedThroughAliasOnTheOtherAtOnce() {
        String sm = a.createStateMachine(r -> r.name("wait-now").definition(WAIT_MACHINE).roleArn(ROLE).publish(true))
                .stateMachineArn();
        String alias = a.createStateMachineAlias(r -> r.name("live").routingConfiguration(
                RoutingConfigurationListItem.builder().stateMachineVersionArn(sm + ":1").weight(100).build())).stateMachineAliasArn();

        assertThat(b.describeStateMachine(r -> r.stateMachineArn(sm)).definition()).isEqualTo(WAIT_MACHINE);
        String exec = b.startExecution(r -> r.stateMachineArn(alias).name("x1")).executionArn();
        assertThat(a.describeExecution(r -> r.executionArn(exec)).stateMachineAliasArn()).isEqualTo(alias);
    }

    @Test
    void stateMachine_updatedOnOneNode_isDescribedUpdatedOnTheOther() throws Exception {
        String sm = a.createStateMachine(r -> r.name("changing").definition(WAIT_MACHINE).roleArn(ROLE)).stateMachineArn();
        assertThat(b.describeStateMachine(r -> r.stateMachineArn(sm)).definition()).isEqualTo(WAIT_MACHINE);
        String next = WAIT_MACHINE.replace("3600", "60");
        a.updateStateMachine(r -> r.stateMachineArn(sm).definition(next));
        a.tagResource(r -> r.resourceArn(sm).tags(Tag.builder().key("team").value("core").build()));

        // Refreshed by notification, each change on its own: eventually consistent, as AWS's own API is.
        waitUntil(() -> b.describeStateMachine(r -> r.stateMachineArn(sm)).definition().equals(next), "b sees the update");
        waitUntil(() -> b.listTagsForResource(r -> r.resourceArn(sm)).tags().size() == 1, "b sees the tag");
        assertThat(b.listTagsForResource(r -> r.resourceArn(sm)).tags().get(0).value()).isEqualTo("core");
    }

    @Test
    void execution_ownedByOneNode_isStoppedThroughTheOther() {
        String sm = a.createStateMachine(r -> r.name("stoppable").definition(WAIT_MACHINE).roleArn(ROLE)).stateMachineArn();
        String exec = a.startExecution(r -> r.stateMachineArn(sm).name("s1")).executionArn();

        b.stopExecution(r -> r.executionArn(exec).error("Halt"));
        assertThat(a.describeExecution(r -> r.executionArn(exec)).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void activity_createdOnOneNode_getsItsTaskOnTheOtherAndIsAnsweredThere() throws Exception {
        String activity = a.createActivity(r -> r.name("work")).activityArn();
        String sm = a.createStateMachine(r -> r.name("uses-work").definition(ACTIVITY_MACHINE.formatted(activity))
                .roleArn(ROLE)).stateMachineArn();
        // b's worker polls first: the task must reach it by notification, not by the next poll.
        CompletableFuture<GetActivityTaskResponse> polled = CompletableFuture.supplyAsync(
                () -> b.getActivityTask(r -> r.activityArn(activity).workerName("w")));
        Thread.sleep(200);
        String exec = a.startExecution(r -> r.stateMachineArn(sm).name("act").input("{\"job\":7}")).executionArn();
        GetActivityTaskResponse task = polled.get(20, TimeUnit.SECONDS);

        assertThat(task.input()).isEqualTo("{\"job\":7}");
        b.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{\"done\":true}"));
        assertThat(a.describeExecution(r -> r.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> b.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    private static SfnClient node(String url, String id) {
        JdbcDatabase db = JdbcStores.postgresDatabase(url, "postgres", "postgres");
        opened.add(db);
        StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(20), db.executions(), db.registry(),
                db.cluster(id, Duration.ofSeconds(2), InstantSource.system()));
        opened.add(service);
        service.recover();
        ApiServer server = ApiServer.start(service, "127.0.0.1", 0);
        opened.add(server::close);
        SfnClient client = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("two", "nodes")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
        opened.add(client);
        return client;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within 10 s: %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
