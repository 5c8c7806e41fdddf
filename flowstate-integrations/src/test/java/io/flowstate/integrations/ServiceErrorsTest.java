package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.task.TaskOutcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** How SDK v2 exceptions become the optimized integrations' failures, in SDK v1's names and message format. */
class ServiceErrorsTest {
    private static final ServiceErrors.V1Service SQS =
            new ServiceErrors.V1Service("SQS", "AmazonSQS", "AmazonSQSException", "SqsException");

    @Test
    void v1Style_modelledError_keepsItsNameAndStatesCodeAndRequestId() {
        TaskOutcome.Failure f = ServiceErrors.v1Style(SQS, QueueDoesNotExistException.builder().statusCode(400)
                .requestId("r-1").awsErrorDetails(AwsErrorDetails.builder().serviceName("Sqs")
                        .errorCode("AWS.SimpleQueueService.NonExistentQueue")
                        .errorMessage("The specified queue does not exist.").build()).build());

        assertThat(f.error()).isEqualTo("SQS.QueueDoesNotExistException");
        assertThat(f.cause().orElseThrow()).isEqualTo("The specified queue does not exist. (Service: AmazonSQS; "
                + "Status Code: 400; Error Code: AWS.SimpleQueueService.NonExistentQueue; Request ID: r-1; Proxy: null)");
    }

    /**
     * ElasticMQ answers a sendMessage without MessageBody with a bare 500 ({@code text/plain} "There was an internal
     * server error.") that the SDK cannot read a message from, so the exception's message was the SDK's own,
     * details and all: the cause said {@code Service returned HTTP status code 500 (Service: Sqs, Status Code: 500,
     * Request ID: null) (Service: AmazonSQS; Status Code: 500; ...)}, the service named twice in two formats.
     */
    @Test
    void v1Style_errorWithoutMessage_statesTheStatusOnceInV1Format() {
        TaskOutcome.Failure f = ServiceErrors.v1Style(SQS, SqsException.builder().statusCode(500)
                .message("Service returned HTTP status code 500")
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Sqs").build()).build());

        assertThat(f.error()).isEqualTo("SQS.AmazonSQSException");
        assertThat(f.cause().orElseThrow()).isEqualTo("Service returned HTTP status code 500 (Service: AmazonSQS; "
                + "Status Code: 500; Error Code: SqsException; Request ID: null; Proxy: null)");
    }

    @Test
    void v1Style_errorWithNoMessageAtAll_namesTheStatus() {
        TaskOutcome.Failure f = ServiceErrors.v1Style(SQS, SqsException.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Sqs").build()).build());

        assertThat(f.cause().orElseThrow())
                .startsWith("Service returned HTTP status code 503 (Service: AmazonSQS; Status Code: 503;");
    }
}
