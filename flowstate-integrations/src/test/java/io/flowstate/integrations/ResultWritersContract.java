package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.Buckets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's ResultWriter over any {@link Buckets}, as "ResultWriter (Map)" lays results out
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html): files per status under
 * {@code <Prefix>/<map run id>/}, a manifest naming them, records shaped by Transformation and OutputType.
 */
abstract class ResultWritersContract {
    static final String RUN = "arn:aws:states:us-east-1:123456789012:mapRun:m/Map:0f1e2d3c-aaaa-bbbb-cccc-1234567890ab";
    static final String ID = "0f1e2d3c-aaaa-bbbb-cccc-1234567890ab";
    /** One child succeeded with [1,2], one failed. */
    static final String CHILDREN = "[{'Index':0,'Status':'SUCCEEDED','Input':{'i':0},'Output':[1,2],"
            + "'StartDate':'2026-01-02T03:04:05.123456Z','StopDate':'2026-01-02T03:04:06Z','RedriveCount':0},"
            + "{'Index':1,'Status':'FAILED','Input':{'i':1},'Error':'Boom','Cause':'bad',"
            + "'StartDate':'2026-01-02T03:04:05Z','StopDate':'2026-01-02T03:04:06Z','RedriveCount':0}]";

    abstract Buckets buckets();

    /** A fresh bucket for one test. */
    abstract String bucket();

    TaskOutcome write(long maxFileBytes, String params, String writerConfig) {
        return new ResultWriters(buckets(), maxFileBytes).write("arn:aws:states:::s3:putObject", json(params),
                json("{'ResultWriter':" + writerConfig + ",'MapRunArn':'" + RUN + "','Children':" + CHILDREN + "}"));
    }

    String text(String bucket, String key) {
        try (InputStream in = buckets().get(json("{'Bucket':'" + bucket + "','Key':'" + key + "'}"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode doc(String bucket, String key) {
        return JsonText.tryParse(text(bucket, key)).orElseThrow();
    }

    @Test
    void putObject_succeededAndFailedChildren_writesFilesPerStatusAndTheManifest() {
        String b = bucket();

        JsonNode out = success(write(ResultWriters.MAX_FILE_BYTES, "{'Bucket':'" + b + "','Prefix':'jobs/'}", "{}"));

        assertThat(out).isEqualTo(json("{'MapRunArn':'" + RUN + "','ResultWriterDetails':{'Bucket':'" + b
                + "','Key':'jobs/" + ID + "/manifest.json'}}"));
        JsonNode manifest = doc(b, "jobs/" + ID + "/manifest.json");
        assertThat(manifest.path("DestinationBucket").asText()).isEqualTo(b);
        assertThat(manifest.path("MapRunArn").asText()).isEqualTo(RUN);
        assertThat(manifest.path("ResultFiles").path("PENDING")).isEmpty();
        String succeededKey = manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText();
        assertThat(succeededKey).isEqualTo("jobs/" + ID + "/SUCCEEDED_0.json");
        assertThat(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Size").asLong())
                .isEqualTo(text(b, succeededKey).getBytes(StandardCharsets.UTF_8).length);
        JsonNode ok = doc(b, succeededKey).get(0);
        assertThat(ok.path("Output").asText()).isEqualTo("[1,2]");
        assertThat(ok.path("Input").asText()).isEqualTo("{\"i\":0}");
        assertThat(ok.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(ok.path("StartDate").asText()).isEqualTo("2026-01-02T03:04:05.123Z");
        assertThat(ok.path("ExecutionArn").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:m/Map:")
                .endsWith(ok.path("Name").asText());
        assertThat(ok.path("StateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:m/Map");
        JsonNode failed = doc(b, "jobs/" + ID + "/FAILED_0.json").get(0);
        assertThat(failed.path("Error").asText()).isEqualTo("Boom");
        assertThat(failed.path("Cause").asText()).isEqualTo("bad");
        assertThat(failed.has("Output")).isFalse();
    }

    /** COMPACT writes the outputs themselves; FLATTEN their elements; a failed child stays a full record. */
    @Test
    void putObject_compactAndFlatten_writeOutputsAndKeepFailuresWhole() {
        String b = bucket();

        success(write(ResultWriters.MAX_FILE_BYTES, "{'Bucket':'" + b + "','Prefix':'c'}", "{'Transformation':'COMPACT'}"));
        String compact = text(b, "c/" + ID + "/SUCCEEDED_0.json");
        success(write(ResultWriters.MAX_FILE_BYTES, "{'Bucket':'" + b + "','Prefix':'f'}", "{'Transformation':'FLATTEN'}"));

        assertThat(compact).isEqualTo("[[1,2]]");
        assertThat(text(b, "f/" + ID + "/SUCCEEDED_0.json")).isEqualTo("[1,2]");
        assertThat(doc(b, "f/" + ID + "/FAILED_0.json").get(0).path("Error").asText())
                .isEqualTo("Boom");
    }

    @Test
    void putObject_outputTypeJsonl_oneRecordPerLine() {
        String b = bucket();

        success(write(ResultWriters.MAX_FILE_BYTES, "{'Bucket':'" + b + "'}",
                "{'Transformation':'FLATTEN','OutputType':'JSONL'}"));

        assertThat(text(b, ID + "/SUCCEEDED_0.json")).isEqualTo("1\n2\n");
    }

    /** AWS cuts result files at 5 GB; with a bound of 4 bytes, each "[1]"-sized file holds one record. */
    @Test
    void putObject_filesBounded_splitsIntoNumberedFiles() {
        String b = bucket();

        success(write(4, "{'Bucket':'" + b + "'}", "{'Transformation':'FLATTEN'}"));

        JsonNode files = doc(b, ID + "/manifest.json").path("ResultFiles").path("SUCCEEDED");
        assertThat(files).hasSize(2);
        assertThat(files.get(1).path("Key").asText()).isEqualTo(ID + "/SUCCEEDED_1.json");
        assertThat(text(b, ID + "/SUCCEEDED_1.json")).isEqualTo("[2]");
        assertThat(files.get(1).path("Size").asInt()).isEqualTo(3);
    }

    /** A WriterConfig alone previews: nothing written, the transformed results are the state's output. */
    @Test
    void writerConfigOnly_noResource_returnsTheTransformedResults() {
        TaskOutcome out = new ResultWriters(buckets()).write("", json("{}"), json("{'ResultWriter':"
                + "{'Transformation':'FLATTEN'},'MapRunArn':'" + RUN + "','Children':" + CHILDREN + "}"));

        assertThat(success(out).get(0)).isEqualTo(json("1"));
        assertThat(success(out).get(2).path("Error").asText()).isEqualTo("Boom");
    }

    @Test
    void putObject_noSuchBucket_failsAsResultWriterFailed() {
        TaskOutcome.Failure f = failure(write(100, "{'Bucket':'no-such-bucket-anywhere'}", "{}"));

        assertThat(f.error()).isEqualTo("States.ResultWriterFailed");
        assertThat(f.cause().orElseThrow()).startsWith("The specified bucket does not exist");
    }
}
