package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The optimized integrations (SQS, SNS, DynamoDB, EventBridge) against moto's server, a real AWS-compatible
 * server: parameters as Step Functions passes them, results with AWS's shapes and SDK metadata, errors with the
 * optimized integrations' names and SDK v1 cause format.
 */
class ServiceIntegrationsTest {
    private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:machine:run-1";
    private static MotoServer moto;
    private static Integrations integrations;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        integrations = new Integrations(new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1),
                TaskHandlers.unbound());
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        integrations.close();
        moto.close();
    }

    static TaskOutcome call(String resource, String params) {
        return integrations.invoke(new TaskInvocation(resource, json(params), EXECUTION, "S", 0, Optional.empty(),
                Optional.empty()));
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode success(TaskOutcome outcome) {
        assertThat(outcome).isInstanceOf(TaskOutcome.Success.class);
        return ((TaskOutcome.Success) outcome).output();
    }

    static TaskOutcome.Failure failure(TaskOutcome outcome) {
        assertThat(outcome).isInstanceOf(TaskOutcome.Failure.class);
        return (TaskOutcome.Failure) outcome;
    }

    @Test
    void sqsSendMessage_objectBody_sendsJsonTextAndReturnsMessageIdWithMetadata() {
        String url = sqs.createQueue(b -> b.queueName("send-object")).queueUrl();

        JsonNode out = success(call("arn:aws:states:::sqs:sendMessage",
                "{'QueueUrl':'" + url + "','MessageBody':{'order':7,'items':['a']}}"));

        assertThat(out.path("MessageId").asText()).isNotEmpty();
        assertThat(out.path("MD5OfMessageBody").asText()).hasSize(32);
        assertThat(out.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(out.path("SdkResponseMetadata").path("RequestId").asText()).isNotEmpty();
        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
        assertThat(received).extracting(Message::body).containsExactly("{\"order\":7,\"items\":[\"a\"]}");
    }

    @Test
    void sqsSendMessage_noSuchQueue_failsWithSqsErrorInV1Format() {
        TaskOutcome.Failure f = failure(call("arn:aws:states:::sqs:sendMessage",
                "{'QueueUrl':'" + moto.endpoint() + "/123456789012/missing','MessageBody':'x'}"));

        assertThat(f.error()).startsWith("SQS.");
        assertThat(f.cause().orElseThrow()).contains("(Service: AmazonSQS; Status Code: 400; Error Code: ")
                .endsWith("; Proxy: null)");
    }

    @Test
    void snsPublish_toTopic_returnsMessageId() {
        String topic;
        try (SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            topic = sns.createTopic(b -> b.name("published")).topicArn();
        }

        JsonNode out = success(call("arn:aws:states:::sns:publish", "{'TopicArn':'" + topic + "','Message':{'hello':1}}"));

        assertThat(out.path("MessageId").asText()).isNotEmpty();
        assertThat(out.has("SdkHttpMetadata")).isTrue();
    }

    @Test
    void snsPublish_noSuchTopic_failsWithNotFound() {
        TaskOutcome.Failure f = failure(call("arn:aws:states:::sns:publish",
                "{'TopicArn':'arn:aws:sns:us-east-1:123456789012:none','Message':'m'}"));

        assertThat(f.error()).isEqualTo("SNS.NotFoundException");
        assertThat(f.cause().orElseThrow()).contains("(Service: AmazonSNS; Status Code: 404; Error Code: NotFound;");
    }

    @Test
    void dynamodbPutThenGetItem_roundTripsAttributeValues() {
        try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            ddb.createTable(b -> b.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        }

        JsonNode put = success(call("arn:aws:states:::dynamodb:putItem",
                "{'TableName':'items','Item':{'id':{'S':'k1'},'n':{'N':'42'},'tags':{'SS':['a','b']}}}"));
        JsonNode got = success(call("arn:aws:states:::dynamodb:getItem", "{'TableName':'items','Key':{'id':{'S':'k1'}}}"));

        assertThat(put.has("Attributes")).as("putItem returns only the metadata").isFalse();
        assertThat(put.has("SdkHttpMetadata")).isTrue();
        assertThat(got.path("Item")).isEqualTo(json("{'id':{'S':'k1'},'n':{'N':'42'},'tags':{'SS':['a','b']}}"));
    }

    @Test
    void dynamodbPutItem_noSuchTable_failsWithResourceNotFound() {
        TaskOutcome.Failure f = failure(call("arn:aws:states:::dynamodb:putItem",
                "{'TableName':'absent','Item':{'id':{'S':'x'}}}"));

        assertThat(f.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
        assertThat(f.cause().orElseThrow()).contains("(Service: AmazonDynamoDBv2; Status Code: 400; "
                + "Error Code: ResourceNotFoundException; Request ID: ");
    }

    @Test
    void eventsPutEvents_entry_addsExecutionResourcesAndReturnsEventIds() {
        JsonNode out = success(call("arn:aws:states:::events:putEvents",
                "{'Entries':[{'Source':'my.app','DetailType':'t','Detail':{'a':1}}]}"));

        assertThat(out.path("FailedEntryCount").asInt()).isZero();
        assertThat(out.path("Entries").get(0).path("EventId").asText()).isNotEmpty();
        assertThat(out.has("SdkHttpMetadata")).as("EventBridge results carry no metadata").isFalse();
    }

    @Test
    void glueStartJobRunSync_jobSucceeds_submitsThenReturnsTheJobRun() {
        success(AwsSdkIntegrationTest.callOn(integrations, "glue:createJob",
                "{'Name':'etl','Role':'r','Command':{'Name':'glueetl','ScriptLocation':'s3://b/etl.py'}}"));

        TaskOutcome started = call("arn:aws:states:::glue:startJobRun.sync", "{'JobName':'etl'}");

        assertThat(started).isInstanceOf(TaskOutcome.Submitted.class);
        TaskOutcome.Submitted submitted = (TaskOutcome.Submitted) started;
        assertThat(submitted.response().path("JobRunId").asText()).isNotEmpty();
        JsonNode run = success(submitted.completion().await());
        assertThat(run.path("JobName").asText()).isEqualTo("etl");
        assertThat(run.path("JobRunState").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void athenaStartQueryExecutionSync_querySucceeds_returnsGetQueryExecution() {
        TaskOutcome started = call("arn:aws:states:::athena:startQueryExecution.sync",
                "{'QueryString':'select 1','ResultConfiguration':{'OutputLocation':'s3://results/'}}");

        JsonNode done = success(((TaskOutcome.Submitted) started).completion().await());
        assertThat(done.path("QueryExecution").path("Status").path("State").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void optimized_unsupportedAction_goesToFallback() {
        TaskOutcome.Failure f = failure(call("arn:aws:states:::sqs:deleteQueue", "{'QueueUrl':'q'}"));

        assertThat(f.error()).isEqualTo("States.TaskFailed");
        assertThat(f.cause().orElseThrow()).contains("No task handler is bound");
    }
}
