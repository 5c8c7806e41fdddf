package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of docs/integrations.md ("A Distributed Map on local files"): {@code flowstate run} with a
 * routing file whose {@code buckets} target serves S3 from a folder reads a Distributed Map's items from a CSV file
 * and leaves its results there as AWS's ResultWriter lays them out ("ResultWriter (Map)", AWS Step Functions
 * developer guide).
 */
class RunLocalBucketsTest {
    @TempDir
    Path dir;

    @Test
    void run_distributedMapWithBucketsRoute_readsAndWritesLocalFiles() throws Exception {
        Files.createDirectories(dir.resolve("buckets/input"));
        Files.createDirectories(dir.resolve("buckets/results"));
        Files.writeString(dir.resolve("buckets/input/orders.csv"), "id,qty\n1,5\n2,7\n");
        Files.writeString(dir.resolve("routes.yaml"), "routes:\n  - resource: \"arn:aws:states:::*s3:*\"\n"
                + "    buckets: buckets\n");
        Files.writeString(dir.resolve("machine.asl.json"), ("{'StartAt':'Map','States':{'Map':{'Type':'Map',"
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV'},"
                + "'Parameters':{'Bucket':'input','Key':'orders.csv'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'results',"
                + "'Prefix':'runs'}},'End':true}}}").replace('\'', '"'));

        CliRun.Outcome run = CliRun.flowstate("run", dir.resolve("machine.asl.json").toString(), "--integrations",
                dir.resolve("routes.yaml").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String manifestKey = run.json().path("ResultWriterDetails").path("Key").asText();
        Path results = dir.resolve("buckets/results");
        JsonNode manifest = Json.parse(Files.readString(results.resolve(manifestKey)));
        JsonNode succeeded = Json.parse(Files.readString(results.resolve(
                manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText())));
        assertThat(succeeded).hasSize(2);
        assertThat(Json.parse(succeeded.get(0).path("Output").asText())).isEqualTo(Json.parse("{\"qty\":\"5\",\"id\":\"1\"}"));
    }
}
