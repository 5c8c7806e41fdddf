package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ResultWriter written in parts ({@code Part}, {@code FileIndex}) and finished by a final write
 * ({@code Written}), as the engine writes a Distributed Map's results so that they need not be held until the end:
 * the files are numbered on across parts and the manifest lists them all. Runs on every {@code Buckets}.
 */
abstract class ResultPartsContract extends ResultWritersContract {
    /** Results cut at 4 bytes: "[1]" fits, two records do not, a failed child's record gets a file alone. */
    private static final long SMALL = 4;

    TaskOutcome writeConfig(String params, ObjectNode config) {
        config.set("ResultWriter", json("{'Transformation':'FLATTEN'}"));
        config.put("MapRunArn", RUN);
        return new ResultWriters(buckets(), SMALL).write("arn:aws:states:::s3:putObject", json(params), config);
    }

    ObjectNode part(String children, String fileIndex) {
        return (ObjectNode) json("{'Part':true,'Children':" + children + ",'FileIndex':" + fileIndex + "}");
    }

    private static List<String> keys(JsonNode entries) {
        return entries.findValuesAsText("Key");
    }

    @Test
    void putObjectParts_thenFinalWrite_filesNumberedOnAndManifestListsThemAll() {
        String b = bucket();
        String params = "{'Bucket':'" + b + "','Prefix':'p'}";
        String dir = "p/" + ID + "/";

        JsonNode first = success(writeConfig(params, part(CHILDREN, "{}"))).get("ResultFiles");
        JsonNode second = success(writeConfig(params, part("[{'Index':2,'Status':'SUCCEEDED','Output':[3]}]",
                "{'FAILED':1,'SUCCEEDED':2}"))).get("ResultFiles");
        ObjectNode last = (ObjectNode) json("{'Children':[{'Index':3,'Status':'ABORTED','Input':{},"
                + "'Error':'States.Aborted'},{'Index':4,'Status':'SUCCEEDED','Output':4}]}");
        ObjectNode written = last.putObject("Written");
        for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
            written.putArray(status).addAll((ArrayNode) first.get(status)).addAll((ArrayNode) second.get(status));
        }
        JsonNode out = success(writeConfig(params, last));

        assertThat(keys(first.get("SUCCEEDED"))).containsExactly(dir + "SUCCEEDED_0.json", dir + "SUCCEEDED_1.json");
        assertThat(keys(first.get("FAILED"))).containsExactly(dir + "FAILED_0.json");
        assertThat(first.get("PENDING")).isEmpty();
        assertThat(keys(second.get("SUCCEEDED"))).containsExactly(dir + "SUCCEEDED_2.json");
        assertThat(second.get("FAILED")).isEmpty();
        assertThat(out.path("ResultWriterDetails").path("Key").asText()).isEqualTo(dir + "manifest.json");
        JsonNode files = doc(b, dir + "manifest.json").get("ResultFiles");
        assertThat(keys(files.get("SUCCEEDED"))).containsExactly(dir + "SUCCEEDED_0.json", dir + "SUCCEEDED_1.json",
                dir + "SUCCEEDED_2.json", dir + "SUCCEEDED_3.json");
        assertThat(keys(files.get("FAILED"))).containsExactly(dir + "FAILED_0.json", dir + "FAILED_1.json");
        assertThat(files.get("PENDING")).isEmpty();
        for (JsonNode f : files.get("SUCCEEDED")) {
            assertThat(f.get("Size").asInt()).isEqualTo(text(b, f.get("Key").asText())
                    .getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(text(b, dir + "SUCCEEDED_1.json")).isEqualTo("[2]");
        assertThat(text(b, dir + "SUCCEEDED_2.json")).isEqualTo("[3]");
        assertThat(text(b, dir + "SUCCEEDED_3.json")).isEqualTo("[4]");
        assertThat(doc(b, dir + "FAILED_1.json").get(0).path("Status").asText()).isEqualTo("ABORTED");
    }

    /** A part written again after a crash, the same request, overwrites the same files and answers the same. */
    @Test
    void putObjectPart_writtenAgain_overwritesTheSameKeys() {
        String b = bucket();
        String params = "{'Bucket':'" + b + "'}";
        buckets().put(b, ID + "/SUCCEEDED_5.json", "stale".getBytes(StandardCharsets.UTF_8));

        JsonNode once = success(writeConfig(params, part(CHILDREN, "{'SUCCEEDED':5,'FAILED':2}")));
        String text = text(b, ID + "/SUCCEEDED_5.json");
        JsonNode again = success(writeConfig(params, part(CHILDREN, "{'SUCCEEDED':5,'FAILED':2}")));

        assertThat(again).isEqualTo(once);
        assertThat(keys(once.at("/ResultFiles/SUCCEEDED"))).containsExactly(ID + "/SUCCEEDED_5.json",
                ID + "/SUCCEEDED_6.json");
        assertThat(keys(once.at("/ResultFiles/FAILED"))).containsExactly(ID + "/FAILED_2.json");
        assertThat(text).isEqualTo("[1]");
        assertThat(text(b, ID + "/SUCCEEDED_5.json")).isEqualTo(text);
    }

    /** A final write without Written is the write without parts: numbering from 0, nothing else listed. */
    @Test
    void putObjectFinal_noWritten_writesAsWithoutParts() {
        String b = bucket();

        success(writeConfig("{'Bucket':'" + b + "'}", (ObjectNode) json("{'Children':" + CHILDREN + "}")));

        assertThat(keys(doc(b, ID + "/manifest.json").at("/ResultFiles/SUCCEEDED")))
                .containsExactly(ID + "/SUCCEEDED_0.json", ID + "/SUCCEEDED_1.json");
    }

    @Test
    void putObjectPart_badFileIndexOrNoBucket_failsAsResultWriterFailed() {
        String b = bucket();

        TaskOutcome.Failure index = failure(writeConfig("{'Bucket':'" + b + "'}", part(CHILDREN, "{'FAILED':-1}")));
        TaskOutcome.Failure written = failure(writeConfig("{'Bucket':'" + b + "'}",
                (ObjectNode) json("{'Children':[],'Written':{'SUCCEEDED':3}}")));
        TaskOutcome.Failure bucket = failure(writeConfig("{}", part(CHILDREN, "{}")));
        TaskOutcome.Failure missing = failure(writeConfig("{'Bucket':'no-such-bucket-anywhere'}",
                part(CHILDREN, "{}")));

        assertThat(index.error()).isEqualTo("States.ResultWriterFailed");
        assertThat(index.cause().orElseThrow()).contains("FileIndex.FAILED");
        assertThat(written.cause().orElseThrow()).contains("Written.SUCCEEDED");
        assertThat(bucket.cause()).contains("The ResultWriter needs a Bucket.");
        assertThat(missing.cause().orElseThrow()).startsWith("The specified bucket does not exist");
    }
}
