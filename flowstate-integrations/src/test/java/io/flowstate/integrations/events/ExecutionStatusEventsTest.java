package io.flowstate.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.MotoServer;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Execution status change events reach an EventBridge rule's target (an SQS queue on moto's server) as AWS
 * delivers them: RUNNING, then the end status, with DescribeExecution's fields as the detail.
 */
class ExecutionStatusEventsTest {
    private static final StaticCredentialsProvider CREDS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static MotoServer moto;
    private static SdkClients clients;
    private static ExecutionStatusEvents events;
    private static StepFunctions service;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        clients = new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1);
        events = new ExecutionStatusEvents(new SdkCall(clients));
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1));
        service.historyListener(events);
        server = ApiServer.start(service, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
        events.close();
        clients.close();
        moto.close();
    }

    @Test
    void execution_startsAndSucceeds_putsRunningThenSucceededOnTheDefaultBus() throws Exception {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(CREDS).httpClient(UrlConnectionHttpClient.create()).build();
                EventBridgeClient eb = EventBridgeClient.builder().endpointOverride(moto.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(CREDS).httpClient(UrlConnectionHttpClient.create())
                        .build();
                SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                        .region(Region.US_EAST_1).credentialsProvider(CREDS).httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            String url = sqs.createQueue(b -> b.queueName("status-events")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            eb.putRule(b -> b.name("sfn-status").eventPattern("{\"source\":[\"aws.states\"]}"));
            eb.putTargets(b -> b.rule("sfn-status").targets(Target.builder().id("q").arn(queueArn).build()));
            String machine = sfn.createStateMachine(b -> b.name("status").roleArn("arn:aws:iam::123456789012:role/r")
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"a\":1},\"End\":true}}}"))
                    .stateMachineArn();

            String run = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":1}")).executionArn();

            List<JsonNode> details = new ArrayList<>();
            for (int i = 0; i < 50 && details.size() < 2; i++) {
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10))
                        .messages()) {
                    JsonNode event = Json.parse(m.body());
                    assertThat(event.path("source").asText()).isEqualTo("aws.states");
                    assertThat(event.path("detail-type").asText()).isEqualTo("Step Functions Execution Status Change");
                    details.add(event.path("detail"));
                }
            }
            assertThat(details).extracting(d -> d.path("status").asText()).containsExactlyInAnyOrder("RUNNING", "SUCCEEDED");
            JsonNode done = details.stream().filter(d -> d.path("status").asText().equals("SUCCEEDED")).findFirst()
                    .orElseThrow();
            assertThat(done.path("executionArn").asText()).isEqualTo(run);
            assertThat(done.path("input").asText()).isEqualTo("{\"x\":1}");
            assertThat(done.path("output").asText()).isEqualTo("{\"a\":1}");
            assertThat(done.path("redriveStatusReason").asText()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        }
    }
}
