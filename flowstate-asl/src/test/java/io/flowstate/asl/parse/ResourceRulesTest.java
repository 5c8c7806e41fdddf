package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Task {@code Resource} values AWS recognizes at CreateStateMachine. Sources: "Discover service integration
 * patterns in Step Functions" (the {@code arn:aws:states:} namespace; Lambda function ARNs as the one legacy
 * exception), "Task workflow state" (activity and function ARNs), and the table "Optimized integrations in
 * Step Functions" (which patterns each service supports; AWS SDK integrations: ".sync Not supported"). The
 * message is AWS's, recorded for {@code arn:aws:states:::dynamodb:query}.
 */
class ResourceRulesTest {
    private static String task(String resource) {
        return Defs.machine("{'Type':'Task','Resource':'" + resource + "','End':true}");
    }

    private static String notRecognized(String resource) {
        return "SCHEMA_VALIDATION_FAILED: The resource provided " + resource + " is not recognized. The value is not"
                + " a valid resource ARN, or the resource is not available in this region. at /States/S/Resource";
    }

    @Test
    void parse_documentedResources_areRecognized() {
        for (String resource : new String[] {
                "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
                "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction:$LATEST",
                "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction:prod",
                "arn:aws-cn:lambda:cn-north-1:111122223333:function:f",
                "arn:aws:states:us-east-1:123456789012:activity:my-activity",
                "arn:aws:states:::lambda:invoke",
                "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "arn:aws:states:::states:startExecution.sync",
                "arn:aws:states:::states:startExecution.sync:2",
                "arn:aws:states:::states:startExecution.waitForTaskToken",
                "arn:aws:states:::ecs:runTask.sync",
                "arn:aws:states:::glue:startJobRun.sync",
                "arn:aws:states:::athena:startQueryExecution.sync",
                "arn:aws:states:::http:invoke",
                "arn:aws:states:::aws-sdk:s3:listBuckets",
                "arn:aws:states:::aws-sdk:ec2:describeInstances.waitForTaskToken",
                "arn:aws:states:::aws-sdk:sfn:startExecution"}) {
            assertThat(errors(task(resource))).as(resource).isEmpty();
        }
    }

    /**
     * "Start AWS Glue DataBrew jobs with Step Functions" (connect-databrew.html) names the integration
     * {@code arn:aws:states:::databrew:startJobRun} (Request Response and {@code .sync}). The table once had the
     * service as "glue-databrew", so every DataBrew sample was refused as an unrecognized resource.
     */
    @Test
    void parse_dataBrewStartJobRun_isRecognizedUnderItsArnServiceName() {
        assertThat(errors(task("arn:aws:states:::databrew:startJobRun"))).isEmpty();
        assertThat(errors(task("arn:aws:states:::databrew:startJobRun.sync"))).isEmpty();
        assertThat(errors(task("arn:aws:states:::glue-databrew:startJobRun")))
                .containsExactly(notRecognized("arn:aws:states:::glue-databrew:startJobRun"));
    }

    /**
     * "Invoke Amazon Bedrock AgentCore harness with Step Functions" (connect-bedrockagentcore.html): the optimized
     * integration {@code arn:aws:states:::bedrockagentcore:invokeHarness} supports "only the Request Response
     * integration pattern"; Run a Job and Wait for Callback are not supported. It was missing from the table.
     */
    @Test
    void parse_bedrockAgentCoreInvokeHarness_isRecognizedAsRequestResponseOnly() {
        assertThat(errors(task("arn:aws:states:::bedrockagentcore:invokeHarness"))).isEmpty();
        for (String resource : new String[] {"arn:aws:states:::bedrockagentcore:invokeHarness.sync",
                "arn:aws:states:::bedrockagentcore:invokeHarness.waitForTaskToken"}) {
            assertThat(errors(task(resource))).as(resource).containsExactly(notRecognized(resource));
        }
    }

    /**
     * "Discover service integration patterns" (connect-to-resource.html): the {@code :::} "denotes empty region and
     * account-id fields which are unnecessary because both are inferred". Definitions exported from deployed
     * machines (the workflows collection's script-generator) fill them in; they were refused as unrecognized.
     */
    @Test
    void parse_integrationWithRegionAndAccount_isRecognized() {
        for (String resource : new String[] {"arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject",
                "arn:aws:states:us-east-1:123456789012:aws-sdk:transcribe:startTranscriptionJob",
                "arn:aws:states:us-east-1:123456789012:lambda:invoke",
                "arn:aws:states:eu-west-1::sqs:sendMessage.waitForTaskToken"}) {
            assertThat(errors(task(resource))).as(resource).isEmpty();
        }
        String unknown = "arn:aws:states:us-east-1:123456789012:dynamodb:query";
        assertThat(errors(task(unknown))).containsExactly(notRecognized(unknown));
    }

    @Test
    void parse_arnOfAnotherService_isNotRecognized() {
        for (String resource : new String[] {"arn:aws:s3:::bucket", "arn:aws:sns:us-east-1:123456789012:topic",
                "arn:aws:states:us-east-1:123456789012:stateMachine:m", "arn:aws:iam::123456789012:role/r"}) {
            assertThat(errors(task(resource))).as(resource).containsExactly(notRecognized(resource));
        }
    }

    @Test
    void parse_unknownOptimizedIntegration_isNotRecognized() {
        for (String resource : new String[] {"arn:aws:states:::nosuchservice:doIt", "arn:aws:states:::sqs:noSuchAction",
                "arn:aws:states:::dynamodb:query", "arn:aws:states:::lambda", "arn:aws:states:::lambda:invoke.async"}) {
            assertThat(errors(task(resource))).as(resource).containsExactly(notRecognized(resource));
        }
    }

    /** "Optimized integrations in Step Functions": a pattern the service does not support is no integration. */
    @Test
    void parse_patternTheServiceDoesNotSupport_isNotRecognized() {
        for (String resource : new String[] {"arn:aws:states:::lambda:invoke.sync",
                "arn:aws:states:::dynamodb:putItem.waitForTaskToken", "arn:aws:states:::sns:publish.sync",
                "arn:aws:states:::glue:startJobRun.waitForTaskToken", "arn:aws:states:::ecs:runTask.sync:2",
                "arn:aws:states:::aws-sdk:s3:getObject.sync", "arn:aws:states:::http:invoke.waitForTaskToken"}) {
            assertThat(errors(task(resource))).as(resource).containsExactly(notRecognized(resource));
        }
    }

    @Test
    void parse_malformedLambdaOrActivityOrSdkArn_isNotRecognized() {
        for (String resource : new String[] {"arn:aws:lambda:us-east-1:123456789012:function:",
                "arn:aws:lambda:::function:f", "arn:aws:lambda:us-east-1:123456789012:layer:l",
                "arn:aws:states:us-east-1:123456789012:activity:", "arn:aws:states:::aws-sdk:s3",
                "arn:aws:states:::aws-sdk:s3:", "arn:aws:states:::aws-sdk:S3:getObject", "not-an-arn", "arn:aws"}) {
            assertThat(errors(task(resource))).as(resource).containsExactly(notRecognized(resource));
        }
    }

    /** ValidateStateMachineDefinition reports the same rule as an ERROR diagnostic with the same text. */
    @Test
    void validate_unrecognizedResource_isOneErrorAtTheResource() {
        ParseResult r = AslParser.parse(Defs.q(task("arn:aws:s3:::bucket")));
        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(d.location()).contains("/States/S/Resource");
        });
    }

    @Test
    void parse_jsonPathActivityDefinition_staysValid() {
        valid(task("arn:aws:states:us-east-1:123456789012:activity:a"));
    }
}
