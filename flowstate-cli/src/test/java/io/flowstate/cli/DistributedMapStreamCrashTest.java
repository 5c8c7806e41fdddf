package io.flowstate.cli;

import static io.flowstate.cli.ServerRuns.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A Distributed Map that streams, killed mid-run: {@code flowstate server} (child process) reads 12,000 CSV rows
 * from a local-directory bucket in windows (two: 10,000 and 2,000), batches of 10 make 1,200 Standard children
 * that each wait a second (MaxConcurrency 100), and a ResultWriter writes their records to the bucket in parts
 * (one of 1,000 records while the run goes on, the rest at the end). The server is killed with {@code kill -9}
 * twice while children run and restarted on the same data directory.
 *
 * <p>Afterwards the run has succeeded, DescribeMapRun counts 12,000 items and 1,200 child executions succeeded,
 * and the result files listed by {@code manifest.json} hold one record per child, whose batches cover every row
 * exactly once: no item lost or run twice across windows, parts and restarts.
 */
class DistributedMapStreamCrashTest {
    private static final int ROWS = 12_000;
    private static final int BATCH = 10;
    private static final int KILLS = 2;
    private static final String ROLE = "arn:aws:iam::123456789012:role/crash";

    @TempDir
    Path dir;

    @Test
    void server_killedWhileAStreamedRunGoesOn_everyRowWrittenOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path buckets = dir.resolve("buckets");
        int port = freePort();
        List<String> options = List.of("--port", Integer.toString(port), "--data", dir.resolve("data").toString(),
                "--integrations", routes(buckets).toString(), "--durability", "process");
        ServerProcess server = ServerProcess.start(options);
        try (SfnClient sfn = ServerRuns.client(port, "crash", Duration.ofSeconds(10))) {
            String sm = sfn.createStateMachine(b -> b.name("stream").definition(definition()).roleArn(ROLE))
                    .stateMachineArn();
            String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("run").input("{}")).executionArn();
            for (int k = 1; k <= KILLS; k++) {
                Thread.sleep(2_000 + random.nextInt(3_000));
                assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                        .as("the run must still be going at kill %d (seed %d)", k, seed)
                        .isEqualTo(ExecutionStatus.RUNNING);
                server.kill();
                server = ServerProcess.start(options);
            }
            DescribeExecutionResponse done = ServerRuns.awaitEnd(sfn, exec, Duration.ofSeconds(120));
            assertThat(done.status()).as("%s (seed %d)", done.cause(), seed).isEqualTo(ExecutionStatus.SUCCEEDED);
            String mapRun = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
            DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
            assertThat(run.itemCounts().succeeded()).isEqualTo(ROWS);
            assertThat(run.executionCounts().succeeded()).isEqualTo(ROWS / BATCH);

            String manifestKey = Json.parse(done.output()).path("ResultWriterDetails").path("Key").asText();
            JsonNode manifest = Json.parse(Files.readString(buckets.resolve("output").resolve(manifestKey)));
            JsonNode files = manifest.path("ResultFiles").path("SUCCEEDED");
            assertThat(files.size()).as("result files (one part, then the rest)").isGreaterThanOrEqualTo(2);
            Set<String> children = new HashSet<>();
            Set<Integer> rows = new HashSet<>();
            for (JsonNode f : files) {
                for (JsonNode record : Json.parse(Files.readString(buckets.resolve("output").resolve(f.path("Key").asText())))) {
                    assertThat(children.add(record.path("ExecutionArn").asText())).as("child written twice").isTrue();
                    for (JsonNode item : Json.parse(record.path("Input").asText()).path("Items")) {
                        assertThat(rows.add(item.path("id").asInt())).as("row %s twice", item).isTrue();
                    }
                }
            }
            assertThat(children).hasSize(ROWS / BATCH);
            assertThat(rows).hasSize(ROWS);
        } finally {
            server.close();
        }
    }

    private Path routes(Path buckets) throws Exception {
        Files.createDirectories(buckets.resolve("input"));
        Files.createDirectories(buckets.resolve("output"));
        StringBuilder csv = new StringBuilder("id\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(buckets.resolve("input/rows.csv"), csv);
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, "routes:\n  - resource: \"arn:aws:states:::*s3:*\"\n    buckets: " + buckets + "\n");
        return routes;
    }

    private static String definition() {
        return ("{'StartAt':'Map','States':{'Map':{'Type':'Map','MaxConcurrency':100,"
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
                + "'CSVHeaderLocation':'FIRST_ROW'},'Parameters':{'Bucket':'input','Key':'rows.csv'}},"
                + "'ItemBatcher':{'MaxItemsPerBatch':" + BATCH + "},"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'output',"
                + "'Prefix':'results'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'Wait','States':{'Wait':{'Type':'Wait','Seconds':1,'End':true}}},"
                + "'End':true}}}").replace('\'', '"');
    }
}
