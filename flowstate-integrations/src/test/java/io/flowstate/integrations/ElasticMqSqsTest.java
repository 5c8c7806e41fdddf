package io.flowstate.integrations;

import static io.flowstate.integrations.ElasticMqMachines.md5;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * State machines that use SQS, run under the real Step Functions API against ElasticMQ, a real SQS-compatible
 * server other than moto: the optimized {@code sqs:sendMessage} (and its {@code .waitForTaskToken} form) and
 * {@code aws-sdk:sqs:*}, routed as users route them ({@code AWS_ENDPOINT_URL_SQS}), with AWS's result shapes and
 * error names.
 */
class ElasticMqSqsTest {
    private static ElasticMqMachines machines;

    @BeforeAll
    static void start() throws Exception {
        machines = new ElasticMqMachines();
    }

    @AfterAll
    static void stop() {
        machines.close();
    }

    @Test
    void sqsSendMessage_objectBody_sendsJsonTextAndReturnsAwsShapeWithMetadata() throws Exception {
        String url = machines.queue("optimized-send");

        DescribeExecutionResponse d = machines.run("arn:aws:states:::sqs:sendMessage",
                "{'QueueUrl':'" + url + "','MessageBody':{'order':7,'items':['a']}}");

        assertThat(d.status()).as(d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = json(d.output());
        String body = "{\"order\":7,\"items\":[\"a\"]}";
        assertThat(out.fieldNames()).toIterable()
                .containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(out.path("MD5OfMessageBody").asText()).isEqualTo(md5(body));
        JsonNode http = out.path("SdkHttpMetadata");
        assertThat(http.fieldNames()).toIterable().containsExactly("AllHttpHeaders", "HttpHeaders", "HttpStatusCode");
        assertThat(http.path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(http.path("HttpHeaders").path("Content-Length").asText())
                .isEqualTo(http.path("AllHttpHeaders").path("Content-Length").get(0).asText());
        // ElasticMQ sends no x-amzn-RequestId, so this is the SDK's stand-in ("UNKNOWN"); AWS sends a UUID.
        assertThat(out.path("SdkResponseMetadata").fieldNames()).toIterable().containsExactly("RequestId");
        assertThat(out.path("SdkResponseMetadata").path("RequestId").asText()).isNotEmpty();
        Message m = machines.receiveOne(url);
        assertThat(m.body()).isEqualTo(body);
        assertThat(out.path("MessageId").asText()).isEqualTo(m.messageId());
    }

    @Test
    void sqsSendMessage_noSuchQueue_failsWithModelledErrorInV1Format() throws Exception {
        DescribeExecutionResponse d = machines.run("arn:aws:states:::sqs:sendMessage",
                "{'QueueUrl':'" + machines.missingQueue() + "','MessageBody':'x'}");

        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("SQS.QueueDoesNotExistException");
        // The error code is ElasticMQ's (QueueDoesNotExist): AWS sends AWS.SimpleQueueService.NonExistentQueue in
        // x-amzn-query-error, where ElasticMQ sends the JSON type, which the SDK does not read as a query code.
        assertThat(d.cause()).startsWith("The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; "
                + "Error Code: ").endsWith("; Proxy: null)");
    }

    /** The regression of {@link ServiceErrorsTest#v1Style_errorWithoutMessage_statesTheStatusOnceInV1Format}. */
    @Test
    void sqsSendMessage_serverErrorWithoutMessage_failsWithStatusStatedOnce() throws Exception {
        String url = machines.queue("no-body");

        DescribeExecutionResponse d = machines.run("arn:aws:states:::sqs:sendMessage", "{'QueueUrl':'" + url + "'}");

        assertThat(d.error()).isEqualTo("SQS.AmazonSQSException");
        assertThat(d.cause()).isEqualTo("Service returned HTTP status code 500 (Service: AmazonSQS; Status Code: 500; "
                + "Error Code: SqsException; Request ID: null; Proxy: null)");
    }

    @Test
    void sqsSendMessageWaitForTaskToken_workerAnswers_submitsSendResultThenSucceedsWithAnswer() throws Exception {
        String url = machines.queue("tokens");
        String run = machines.start("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::sqs:sendMessage.waitForTaskToken','Parameters':{'QueueUrl':'" + url
                + "','MessageBody':{'token.$':'$$.Task.Token','order':7}},'End':true}}}");

        Message m = machines.receiveOne(url);
        JsonNode body = json(m.body());
        assertThat(body.path("order").asInt()).isEqualTo(7);
        JsonNode sent = json(machines.awaitSubmitted(run).taskSubmittedEventDetails().output());
        machines.sfn().sendTaskSuccess(b -> b.taskToken(body.path("token").asText()).output("{\"answer\":42}"));

        DescribeExecutionResponse d = machines.awaitEnd(run);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"answer\":42}");
        assertThat(sent.path("MessageId").asText()).isEqualTo(m.messageId());
        assertThat(sent.path("MD5OfMessageBody").asText()).isEqualTo(md5(m.body()));
        assertThat(sent.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void awsSdkSqsSendThenReceive_messageWithAttribute_returnsAwsShapesWithoutMetadata() throws Exception {
        String url = machines.queue("sdk-send");

        DescribeExecutionResponse sent = machines.run("arn:aws:states:::aws-sdk:sqs:sendMessage", "{'QueueUrl':'" + url
                + "','MessageBody':'hello','MessageAttributes':{'kind':{'DataType':'String','StringValue':'greeting'}}}");
        DescribeExecutionResponse got = machines.run("arn:aws:states:::aws-sdk:sqs:receiveMessage", "{'QueueUrl':'" + url
                + "','MessageAttributeNames':['All'],'WaitTimeSeconds':1}");

        JsonNode send = json(sent.output());
        assertThat(send.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("MD5OfMessageBody", "MD5OfMessageAttributes", "MessageId");
        assertThat(send.path("MD5OfMessageBody").asText()).isEqualTo(md5("hello"));
        JsonNode message = json(got.output()).path("Messages").get(0);
        assertThat(message.fieldNames()).toIterable().containsExactlyInAnyOrder("MessageId", "ReceiptHandle",
                "MD5OfBody", "Body", "MD5OfMessageAttributes", "MessageAttributes");
        assertThat(message.path("MessageId").asText()).isEqualTo(send.path("MessageId").asText());
        assertThat(message.path("Body").asText()).isEqualTo("hello");
        assertThat(message.path("MD5OfBody").asText()).isEqualTo(md5("hello"));
        assertThat(message.path("MD5OfMessageAttributes").asText()).isEqualTo(send.path("MD5OfMessageAttributes").asText());
        assertThat(message.path("MessageAttributes"))
                .isEqualTo(json("{'kind':{'StringValue':'greeting','DataType':'String'}}"));
    }

    @Test
    void awsSdkSqsSendMessage_noSuchQueue_failsWithSdkV2Name() throws Exception {
        DescribeExecutionResponse d = machines.run("arn:aws:states:::aws-sdk:sqs:sendMessage",
                "{'QueueUrl':'" + machines.missingQueue() + "','MessageBody':'x'}");

        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("Sqs.QueueDoesNotExistException");
        assertThat(d.cause()).startsWith("The specified queue does not exist. (Service: Sqs, Status Code: 400,")
                .endsWith("(SDK Attempt Count: 1)");
    }
}
