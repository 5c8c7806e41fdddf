package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkClients;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * {@code aws-sdk:<service>:<action>} against moto's server: any action of the SDK's models, PascalCase in and
 * out, no SDK metadata, errors named {@code <ServicePrefix>.<Exception>} with the SDK v2 message as cause.
 */
class AwsSdkIntegrationTest {
    private static MotoServer moto;
    private static Integrations integrations;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        integrations = new Integrations(new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1),
                TaskHandlers.unbound());
    }

    @AfterAll
    static void stop() {
        integrations.close();
        moto.close();
    }

    private static TaskOutcome call(String action, String params) {
        return callOn(integrations, action, params);
    }

    /** Calls {@code aws-sdk:<action>} on {@code on}. */
    static TaskOutcome callOn(Integrations on, String action, String params) {
        return on.invoke(new TaskInvocation("arn:aws:states:::aws-sdk:" + action, json(params),
                "arn:aws:states:us-east-1:123456789012:execution:m:e", "S", 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void s3PutThenGetObject_pathStyleOnLocalEndpoint_returnsBodyAsText() {
        success(call("s3:createBucket", "{'Bucket':'sdk-bucket'}"));

        JsonNode put = success(call("s3:putObject", "{'Bucket':'sdk-bucket','Key':'a.json','Body':{'x':[1,2]}}"));
        JsonNode got = success(call("s3:getObject", "{'Bucket':'sdk-bucket','Key':'a.json'}"));

        assertThat(put.path("ETag").asText()).isNotEmpty();
        assertThat(got.path("Body").asText()).isEqualTo("{\"x\":[1,2]}");
        assertThat(got.path("ContentLength").asInt()).isEqualTo(11);
        assertThat(got.path("LastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(got.has("SdkHttpMetadata")).isFalse();
    }

    @Test
    void s3GetObject_noSuchKey_failsWithSdkV2Name() {
        success(call("s3:createBucket", "{'Bucket':'empty-bucket'}"));

        TaskOutcome.Failure f = failure(call("s3:getObject", "{'Bucket':'empty-bucket','Key':'none'}"));

        assertThat(f.error()).isEqualTo("S3.NoSuchKeyException");
        assertThat(f.cause().orElseThrow()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404,")
                .doesNotContain("SDK Attempt Count");
    }

    /** AWS's S3 causes end with the extended request id (recorded on AWS), which moto sends only in the body. */
    @Test
    void s3GetObject_noSuchBucket_causeEndsWithExtendedRequestId() {
        TaskOutcome.Failure f = failure(call("s3:getObject", "{'Bucket':'no-such-bucket-here','Key':'k'}"));

        assertThat(f.error()).isEqualTo("S3.NoSuchBucketException");
        assertThat(f.cause().orElseThrow()).matches(
                "The specified bucket does not exist \\(Service: S3, Status Code: 404, Request ID: \\S+, Extended Request ID: \\S+\\)");
    }

    @Test
    void dynamodbListTables_camelCaseAction_answersInPascalCase() {
        JsonNode out = success(call("dynamodb:listTables", "{}"));

        assertThat(out.has("TableNames")).isTrue();
    }

    @Test
    void dynamodbGetItem_noSuchTable_failsWithDynamoDbPrefix() {
        TaskOutcome.Failure f = failure(call("dynamodb:getItem", "{'TableName':'none','Key':{'id':{'S':'1'}}}"));

        assertThat(f.error()).isEqualTo("DynamoDb.ResourceNotFoundException");
        assertThat(f.cause().orElseThrow()).contains("(Service: DynamoDb, Status Code: 400, Request ID: ");
    }

    @Test
    void secretsManager_createThenGet_returnsSecretString() {
        success(call("secretsmanager:createSecret", "{'Name':'db-password','SecretString':'s3cr3t'}"));

        JsonNode out = success(call("secretsmanager:getSecretValue", "{'SecretId':'db-password'}"));

        assertThat(out.path("SecretString").asText()).isEqualTo("s3cr3t");
        assertThat(out.path("CreatedDate").isTextual()).as("timestamps as ISO text").isTrue();
    }

    @Test
    void credentialsRoleArn_callerIdentity_isTheAssumedRole() {
        TaskOutcome out = integrations.invoke(new TaskInvocation("arn:aws:states:::aws-sdk:sts:getCallerIdentity",
                json("{}"), "arn:aws:states:us-east-1:123456789012:execution:m:run-7", "S", 0, Optional.empty(),
                Optional.empty(), Optional.of("arn:aws:iam::123456789012:role/reader")));

        assertThat(success(out).path("Arn").asText()).contains("assumed-role/reader/flowstate-run-7");
    }

    @Test
    void itemReader_jsonAndListObjects_readItemsFromS3() {
        success(call("s3:createBucket", "{'Bucket':'items'}"));
        success(call("s3:putObject", "{'Bucket':'items','Key':'list.json','Body':'[1,2,3]'}"));

        TaskOutcome json = integrations.invoke(reader("arn:aws:states:::s3:getObject",
                "{'Bucket':'items','Key':'list.json'}", "{'InputType':'JSON','MaxItems':2}"));
        TaskOutcome listed = integrations.invoke(reader("arn:aws:states:::s3:listObjectsV2", "{'Bucket':'items'}", "{}"));

        assertThat(success(json)).isEqualTo(json("[1,2]"));
        JsonNode object = success(listed).get(0);
        assertThat(object.path("Key").asText()).isEqualTo("list.json");
        assertThat(object.path("Size").asInt()).isEqualTo(7);
        assertThat(object.path("StorageClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void resultWriter_results_writesManifestAndResultsUnderTheRunId() {
        success(call("s3:createBucket", "{'Bucket':'results'}"));

        JsonNode out = success(integrations.invoke(reader("arn:aws:states:::s3:putObject",
                "{'Bucket':'results','Prefix':'jobs'}", "{'ResultWriter':{},'MapRunArn':"
                        + "'arn:aws:states:us-east-1:123456789012:mapRun:m/run:abc-123','Results':[{'a':1}]}")));

        assertThat(out.path("ResultWriterDetails").path("Key").asText()).isEqualTo("jobs/abc-123/manifest.json");
        JsonNode manifest = json(success(call("s3:getObject", "{'Bucket':'results','Key':'jobs/abc-123/manifest.json'}"))
                .path("Body").asText().replace('"', '\''));
        assertThat(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText())
                .isEqualTo("jobs/abc-123/SUCCEEDED_0.json");
        JsonNode results = json(success(call("s3:getObject", "{'Bucket':'results','Key':'jobs/abc-123/SUCCEEDED_0.json'}"))
                .path("Body").asText().replace('"', '\''));
        assertThat(results.get(0).path("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void itemReader_negativeMaxItems_failsAsItemReaderFailed() {
        TaskOutcome.Failure f = failure(integrations.invoke(reader("arn:aws:states:::s3:getObject",
                "{'Bucket':'items','Key':'list.json'}", "{'MaxItems':-1}")));

        assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(f.cause()).contains("field MaxItems must be positive");
    }

    private static TaskInvocation reader(String resource, String params, String config) {
        return new TaskInvocation(resource, json(params), "arn:aws:states:us-east-1:123456789012:execution:m:e", "Map",
                0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(json(config)));
    }

    @Test
    void awsSdk_unknownService_failsClearly() {
        TaskOutcome.Failure f = failure(call("nosuchservice:doIt", "{}"));

        assertThat(f.error()).isEqualTo("States.Runtime");
        assertThat(f.cause().orElseThrow()).contains("'nosuchservice'");
    }

    @Test
    void awsSdk_unknownAction_failsClearly() {
        TaskOutcome.Failure f = failure(call("s3:launchRocket", "{}"));

        assertThat(f.cause().orElseThrow()).contains("'launchRocket'");
    }

    @Test
    void awsSdk_unknownParameter_failsNamingIt() {
        TaskOutcome.Failure f = failure(call("s3:listBuckets", "{'Colour':'red'}"));

        assertThat(f.error()).isEqualTo("States.Runtime");
        assertThat(f.cause().orElseThrow()).contains("\"Colour\"");
    }
}
