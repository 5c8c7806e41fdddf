package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code flowstate server --policies} with a member for a state machine's role: the role's Task calls are limited
 * to what it allows. Lambda is a real HTTP server speaking the Invoke API, SQS is moto's.
 */
class ServerRolePoliciesTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/Jobs";
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";

    @TempDir
    Path data;

    @Test
    void rolePolicies_allowedCallsRunAndRefusedOnesFailAsAwsFailsThem() throws Exception {
        try (Moto moto = Moto.start(); EchoLambda lambda = new EchoLambda();
                SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                        .build()) {
            String allowedQueue = sqs.createQueue(b -> b.queueName("allowed")).queueUrl();
            String otherQueue = sqs.createQueue(b -> b.queueName("other")).queueUrl();
            Path policies = data.resolve("policies.json");
            Files.writeString(policies, ("{'" + ROLE + "': {'Version': '2012-10-17', 'Statement': ["
                    + "{'Effect': 'Allow', 'Action': 'lambda:InvokeFunction', 'Resource': '" + FN + "allowed'},"
                    + "{'Effect': 'Allow', 'Action': 'sqs:SendMessage', 'Resource': 'arn:aws:sqs:*:*:allowed'}]}}")
                    .replace('\'', '"'));
            String definition = ("{'StartAt': 'CallAllowed', 'States': {"
                    + "'CallAllowed': {'Type': 'Task', 'Resource': '" + FN + "allowed', 'ResultPath': '$.a', 'Next': 'SendAllowed'},"
                    + "'SendAllowed': {'Type': 'Task', 'Resource': 'arn:aws:states:::sqs:sendMessage', 'Parameters': "
                    + "{'QueueUrl': '" + allowedQueue + "', 'MessageBody': 'hi'}, 'ResultPath': null, 'Next': 'CallOther'},"
                    + "'CallOther': {'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Parameters': "
                    + "{'FunctionName': 'other'}, 'Catch': [{'ErrorEquals': ['Lambda.AWSLambdaException'], "
                    + "'ResultPath': '$.caught', 'Next': 'SendOther'}], 'End': true},"
                    + "'SendOther': {'Type': 'Task', 'Resource': 'arn:aws:states:::sqs:sendMessage', 'Parameters': "
                    + "{'QueueUrl': '" + otherQueue + "', 'MessageBody': 'hi'}, 'End': true}}}").replace('\'', '"');
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString(),
                    "AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString(),
                    "--policies", policies.toString()), env);
                    SfnClient sfn = ServerRuns.client(server.port(), "test", Duration.ofSeconds(10))) {
                String limited = sfn.createStateMachine(b -> b.name("limited").roleArn(ROLE).definition(definition))
                        .stateMachineArn();
                String free = sfn.createStateMachine(b -> b.name("free").roleArn("arn:aws:iam::123456789012:role/Free")
                        .definition(definition)).stateMachineArn();

                DescribeExecutionResponse run = await(sfn, sfn.startExecution(b -> b.stateMachineArn(limited)
                        .name("run-1")).executionArn());
                DescribeExecutionResponse unlimited = await(sfn, sfn.startExecution(b -> b.stateMachineArn(free))
                        .executionArn());

                assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(run.error()).isEqualTo("SQS.AmazonSQSException");
                assertThat(run.cause()).startsWith("User: arn:aws:sts::123456789012:assumed-role/Jobs/run-1 is not "
                        + "authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:123456789012:other "
                        + "because no identity-based policy allows the sqs:sendmessage action (Service: AmazonSQS; "
                        + "Status Code: 403; Error Code: AccessDenied; Request ID: ");
                List<HistoryEvent> history = ServerRuns.history(sfn, run.executionArn());
                HistoryEvent refused = history.stream().filter(e -> e.taskFailedEventDetails() != null).findFirst()
                        .orElseThrow();
                assertThat(refused.taskFailedEventDetails().error()).isEqualTo("Lambda.AWSLambdaException");
                assertThat(refused.taskFailedEventDetails().cause()).startsWith("User: arn:aws:sts::123456789012:"
                        + "assumed-role/Jobs/run-1 is not authorized to perform: lambda:InvokeFunction on resource: "
                        + FN + "other because no identity-based policy allows the lambda:InvokeFunction action "
                        + "(Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: ");
                assertThat(history).anyMatch(e -> e.stateEnteredEventDetails() != null
                        && e.stateEnteredEventDetails().name().equals("SendOther"));
                assertThat(unlimited.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                // The limited run called only the allowed function and queue; the free one both functions (then ended).
                assertThat(lambda.calls).extracting(EchoLambda.Call::function)
                        .containsExactlyInAnyOrder(FN + "allowed", FN + "allowed", "other");
                assertThat(count(sqs, allowedQueue)).isEqualTo(2);
                assertThat(count(sqs, otherQueue)).isZero();
            }
        }
    }

    private static int count(SqsClient sqs, String queue) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages"));
    }

    /** The execution once it ended, polled with DescribeExecution (at most 30 s). */
    private static DescribeExecutionResponse await(SfnClient sfn, String arn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
        while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20); // a child process: no completion to wait on but the API
            d = sfn.describeExecution(b -> b.executionArn(arn));
        }
        return d;
    }
}
