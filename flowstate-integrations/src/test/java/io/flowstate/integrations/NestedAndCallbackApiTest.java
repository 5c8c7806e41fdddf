package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.sdk.SdkClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The integrations under the real Step Functions API, driven by the AWS SDK as users drive it: nested executions
 * on the same server ({@code .sync}, {@code .sync:2}, stop propagation) and a {@code .waitForTaskToken} call
 * through SQS on moto, answered by a worker with SendTaskSuccess.
 */
class NestedAndCallbackApiTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static MotoServer moto;
    private static SdkClients clients;
    private static StepFunctions service;
    private static ApiServer server;
    private static SfnClient sfn;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        Map<String, String> env = new HashMap<>(moto.environment());
        clients = new SdkClients(env, Map.of(), Region.US_EAST_1);
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                new Integrations(clients, TaskHandlers.unbound()), new SystemTimers(), Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
        URI self = URI.create("http://127.0.0.1:" + server.port());
        clients.defaultRoute("sfn", self);
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sfn = SfnClient.builder().endpointOverride(self).region(Region.US_EAST_1).credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        sfn.close();
        server.close();
        service.close();
        clients.close();
        moto.close();
    }

    private static String machine(String definition) {
        return sfn.createStateMachine(b -> b.name("m-" + UUID.randomUUID().toString().substring(0, 8))
                .definition(definition.replace('\'', '"')).roleArn(ROLE)).stateMachineArn();
    }

    private static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING) {
                return d;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("still running: " + executionArn);
    }

    private static List<String> types(String executionArn) {
        return sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                .map(HistoryEvent::typeAsString).toList();
    }

    @Test
    void startExecutionSync2_childSucceeds_outputHasChildOutputAsJson() throws Exception {
        String child = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'done':true},'End':true}}}");
        String parent = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::states:startExecution.sync:2','Parameters':{'StateMachineArn':'" + child
                + "','Input':{'n':1}},'End':true}}}");

        String run = sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn();
        DescribeExecutionResponse d = awaitEnd(run);

        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = ServiceIntegrationsTest.json(d.output());
        assertThat(out.path("Output")).isEqualTo(ServiceIntegrationsTest.json("{'done':true}"));
        assertThat(out.path("Input")).isEqualTo(ServiceIntegrationsTest.json("{'n':1}"));
        assertThat(out.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(types(run)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
    }

    @Test
    void startExecutionSync_childFails_taskFailsWithDescribeAsCause() throws Exception {
        String child = machine("{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom','Cause':'bad'}}}");
        String parent = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::states:startExecution.sync','Parameters':{'StateMachineArn':'" + child + "'},'End':true}}}");

        DescribeExecutionResponse d = awaitEnd(sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn());

        assertThat(d.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = ServiceIntegrationsTest.json(d.cause());
        assertThat(cause.path("Error").asText()).isEqualTo("Boom");
        assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.path("Input").asText()).isEqualTo("{}");
    }

    @Test
    void stopExecution_parentWaitingOnSyncChild_stopsTheChild() throws Exception {
        String child = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}");
        String parent = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::states:startExecution.sync','Parameters':{'StateMachineArn':'" + child + "'},'End':true}}}");
        String run = sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn();
        String childRun = awaitChild(child);

        sfn.stopExecution(b -> b.executionArn(run));

        assertThat(awaitEnd(childRun).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    private static String awaitChild(String machineArn) throws InterruptedException {
        for (int i = 0; i < 1500; i++) {
            var list = sfn.listExecutions(b -> b.stateMachineArn(machineArn)).executions();
            if (!list.isEmpty()) {
                return list.get(0).executionArn();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no child of " + machineArn);
    }

    @Test
    void sqsWaitForTaskToken_workerAnswers_recordsSubmittedThenSucceeds() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("tokens")).queueUrl();
        String machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::sqs:sendMessage.waitForTaskToken','Parameters':{'QueueUrl':'" + url
                + "','MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}");

        String run = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        Message m = null;
        for (int i = 0; i < 100 && m == null; i++) {
            m = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().stream().findFirst().orElse(null);
        }
        assertThat(m).as("the task's message").isNotNull();
        String token = ServiceIntegrationsTest.json(m.body()).path("token").asText();
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\":42}"));

        DescribeExecutionResponse d = awaitEnd(run);
        assertThat(d.output()).isEqualTo("{\"answer\":42}");
        assertThat(types(run)).containsSubsequence("TaskStarted", "TaskSubmitted", "TaskSucceeded");
    }
}
