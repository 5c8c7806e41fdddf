package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.route.RouteFile;
import io.flowstate.integrations.route.RoutedTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@code aws-sdk:s3:*} Tasks on a folder of buckets, answered in the shapes recorded on AWS
 * (aws_sdk_task_service.s3_get_object / s3_put_object in the services corpus), and the routing file's
 * {@code buckets} target.
 */
class LocalBucketsTest {
    @TempDir
    Path root;
    private LocalBuckets buckets;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        buckets = new LocalBuckets(root);
    }

    private static TaskInvocation call(String action, String params) {
        return new TaskInvocation("arn:aws:states:::aws-sdk:s3:" + action, json(params),
                "arn:aws:states:us-east-1:123456789012:execution:m:e", "S", 0, Optional.empty(), Optional.empty());
    }

    @Test
    void putThenGetObject_localFolder_answersAsS3AndWritesTheFile() throws IOException {
        JsonNode put = success(buckets.invoke(call("putObject", "{'Bucket':'docs','Key':'a/b.json','Body':{'x':1}}")));
        JsonNode got = success(buckets.invoke(call("getObject", "{'Bucket':'docs','Key':'a/b.json'}")));

        assertThat(Files.readString(root.resolve("docs/a/b.json"))).isEqualTo("{\"x\":1}");
        assertThat(put.path("ETag").asText()).isEqualTo(got.path("ETag").asText()).startsWith("\"");
        assertThat(put.path("ChecksumType").asText()).isEqualTo("FULL_OBJECT");
        assertThat(put.path("ServerSideEncryption").asText()).isEqualTo("AES256");
        assertThat(got.path("Body").asText()).isEqualTo("{\"x\":1}");
        assertThat(got.path("ContentLength").asInt()).isEqualTo(7);
        assertThat(got.path("LastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    /**
     * The recorded aws_sdk_task_service.s3_put_object-dict: a JSON Body is stored as its text, and AWS answers
     * that text's MD5 as the ETag and its CRC32 (base64) as the checksum.
     */
    @Test
    void putObject_jsonBody_answersTheEtagAndChecksumRecordedOnAws() {
        JsonNode put = success(buckets.invoke(call("putObject", "{'Bucket':'docs','Key':'k','Body':{'Dict':'Value'}}")));

        assertThat(put).isEqualTo(json("{'ChecksumCRC32':'hnEfWw==','ChecksumType':'FULL_OBJECT',"
                + "'ETag':'\\'49e31cee5aec8faf3345893addb14346\\'','ServerSideEncryption':'AES256'}"));
    }

    @Test
    void listObjectsV2_prefixAndMaxKeys_pagesWithContinuationTokens() {
        for (String k : new String[] {"p/1", "p/2", "q/3"}) {
            success(buckets.invoke(call("putObject", "{'Bucket':'docs','Key':'" + k + "','Body':'x'}")));
        }

        JsonNode first = success(buckets.invoke(call("listObjectsV2", "{'Bucket':'docs','Prefix':'p/','MaxKeys':1}")));
        JsonNode second = success(buckets.invoke(call("listObjectsV2", "{'Bucket':'docs','Prefix':'p/','MaxKeys':1,"
                + "'ContinuationToken':'" + first.path("NextContinuationToken").asText() + "'}")));

        assertThat(first.path("Contents").get(0).path("Key").asText()).isEqualTo("p/1");
        assertThat(first.path("IsTruncated").asBoolean()).isTrue();
        assertThat(second.path("Contents").get(0).path("Key").asText()).isEqualTo("p/2");
        assertThat(second.path("IsTruncated").asBoolean()).isFalse();
        assertThat(second.path("KeyCount").asInt()).isEqualTo(1);
    }

    @Test
    void listObjectsV2_delimiter_rollsKeysUpIntoCommonPrefixes() {
        for (String k : new String[] {"2024/a", "2024/b", "2025/c", "top"}) {
            success(buckets.invoke(call("putObject", "{'Bucket':'docs','Key':'" + k + "','Body':'x'}")));
        }

        JsonNode out = success(buckets.invoke(call("listObjectsV2", "{'Bucket':'docs','Delimiter':'/'}")));

        assertThat(out.path("CommonPrefixes")).isEqualTo(json("[{'Prefix':'2024/'},{'Prefix':'2025/'}]"));
        assertThat(out.path("Contents")).hasSize(1);
        assertThat(out.path("Contents").get(0).path("Key").asText()).isEqualTo("top");
        assertThat(out.path("KeyCount").asInt()).isEqualTo(3);
    }

    @Test
    void getObject_missingKeyOrBucket_failsWithS3sErrorNames() {
        TaskOutcome.Failure key = failure(buckets.invoke(call("getObject", "{'Bucket':'docs','Key':'none'}")));
        TaskOutcome.Failure bucket = failure(buckets.invoke(call("getObject", "{'Bucket':'nobucket','Key':'k'}")));

        assertThat(key.error()).isEqualTo("S3.NoSuchKeyException");
        assertThat(key.cause().orElseThrow()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404,");
        assertThat(bucket.error()).isEqualTo("S3.NoSuchBucketException");
    }

    @Test
    void getObject_keyLeavingTheBucket_isRefused() {
        TaskOutcome.Failure f = failure(buckets.invoke(call("getObject", "{'Bucket':'docs','Key':'../../etc/passwd'}")));

        assertThat(f.error()).isEqualTo("S3.S3Exception");
    }

    @Test
    void otherResource_routedHere_failsNamingWhatIsServed() {
        TaskOutcome.Failure f = failure(buckets.invoke(new TaskInvocation("arn:aws:states:::sqs:sendMessage", json("{}"),
                "arn:aws:states:us-east-1:123456789012:execution:m:e", "S", 0, Optional.empty(), Optional.empty())));

        assertThat(f.error()).isEqualTo("States.Runtime");
        assertThat(f.cause().orElseThrow()).contains("serve S3");
    }

    @Test
    void routeFile_bucketsTarget_servesS3FromTheFolderRelativeToTheFile() throws IOException {
        Files.createDirectories(root.resolve("cfg/buckets/in"));
        Files.writeString(root.resolve("cfg/buckets/in/k.json"), "[1,2]");
        Path file = root.resolve("cfg/integrations.yaml");
        Files.writeString(file, "routes:\n  - resource: 'arn:aws:states:::*s3:*'\n    buckets: buckets\n");

        try (RoutedTasks r = RoutedTasks.of(RouteFile.read(file), Map.of(), Region.US_EAST_1, TaskHandlers.unbound(),
                InstantSource.system())) {
            TaskOutcome items = r.invoke(new TaskInvocation("arn:aws:states:::s3:getObject",
                    json("{'Bucket':'in','Key':'k.json'}"), "arn:aws:states:us-east-1:123456789012:execution:m:e", "Map",
                    0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(json("{'InputType':'JSON'}"))));
            TaskOutcome sdk = r.invoke(call("getObject", "{'Bucket':'in','Key':'k.json'}"));

            assertThat(success(items)).isEqualTo(json("[1,2]"));
            assertThat(success(sdk).path("Body").asText()).isEqualTo("[1,2]");
            assertThat(r.describe().get(0)).contains("Buckets").contains("buckets");
        }
    }
}
