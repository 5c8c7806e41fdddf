package io.flowstate.integrations;

import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.sdk.SdkClients;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * State machines run under the real Step Functions API with the real integrations, SQS routed to an in-process
 * {@link ElasticMqServer} through the environment users set ({@code AWS_ENDPOINT_URL_SQS}); driven, and their
 * queues read, with the AWS SDK as users do. One per test class.
 */
final class ElasticMqMachines implements AutoCloseable {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private final ElasticMqServer elasticMq;
    private final SdkClients clients;
    private final StepFunctions service;
    private final ApiServer server;
    private final SfnClient sfn;
    private final SqsClient sqs;

    ElasticMqMachines() throws Exception {
        elasticMq = ElasticMqServer.start();
        clients = new SdkClients(elasticMq.environment(), Map.of(), Region.US_EAST_1);
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                new Integrations(clients, TaskHandlers.unbound()), new SystemTimers(), Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The Step Functions client of the API server. */
    SfnClient sfn() {
        return sfn;
    }

    /** Runs a one-Task machine calling {@code resource} with {@code parameters} (single quotes) to its end. */
    DescribeExecutionResponse run(String resource, String parameters) throws InterruptedException {
        return awaitEnd(start("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + resource
                + "','Parameters':" + parameters + ",'End':true}}}"));
    }

    /** Starts a machine of {@code definition} (single quotes for double), returning the execution's ARN. */
    String start(String definition) {
        String machine = sfn.createStateMachine(b -> b.name("m-" + UUID.randomUUID().toString().substring(0, 8))
                .definition(definition.replace('\'', '"')).roleArn(ROLE)).stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    }

    /** The execution, once it ended (at most 30 s). */
    DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
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

    /**
     * The execution's TaskSubmitted event, once recorded. A worker that answers sooner can beat the sendMessage
     * response to the engine (ElasticMQ in-process is that fast): the task then succeeds without a TaskSubmitted.
     */
    HistoryEvent awaitSubmitted(String executionArn) throws InterruptedException {
        for (int i = 0; i < 1500; i++) {
            var submitted = sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                    .filter(e -> e.type() == HistoryEventType.TASK_SUBMITTED).findFirst();
            if (submitted.isPresent()) {
                return submitted.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no TaskSubmitted in " + executionArn);
    }

    /** Creates the queue {@code name}, returning its URL. */
    String queue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** The URL of a queue that does not exist. */
    String missingQueue() {
        return elasticMq.endpoint() + "/" + ElasticMqServer.ACCOUNT + "/missing";
    }

    /** The first message on the queue at {@code url}, waiting at most 30 s for one. */
    Message receiveOne(String url) {
        for (int i = 0; i < 30; i++) {
            var messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("no message on " + url);
    }

    /** The MD5 digest of {@code text}'s UTF-8, in hex, as SQS states it. */
    static String md5(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    @Override
    public void close() {
        sqs.close();
        sfn.close();
        server.close();
        service.close();
        clients.close();
        elasticMq.close();
    }
}
