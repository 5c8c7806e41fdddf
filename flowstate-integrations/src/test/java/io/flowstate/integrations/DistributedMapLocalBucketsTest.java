package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.route.RouteFile;
import io.flowstate.integrations.route.RoutedTasks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A Distributed Map end to end through the Step Functions API, its S3 routed to a local folder by a routing
 * file's {@code buckets} target: items read from a CSV file, results written as AWS lays them out ("ItemReader
 * (Map)" and "ResultWriter (Map)" in the Step Functions developer guide), with no S3 server running.
 */
class DistributedMapLocalBucketsTest {
    @TempDir
    static Path dir;
    private static RoutedTasks routes;
    private static StepFunctions service;
    private static ApiServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("buckets/in"));
        Files.createDirectories(dir.resolve("buckets/out"));
        Files.writeString(dir.resolve("buckets/in/orders.csv"), "id;qty\n1;5\n2;0\n3;7\n");
        Files.write(dir.resolve("buckets/in/people.parquet"), ParquetFiles.people(40));
        Files.writeString(dir.resolve("routes.yaml"), "routes:\n  - resource: 'arn:aws:states:::s3:*'\n"
                + "    buckets: buckets\n");
        routes = RoutedTasks.of(RouteFile.read(dir.resolve("routes.yaml")), Map.of(), Region.US_EAST_1,
                TaskHandlers.unbound(), InstantSource.system());
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()), routes,
                new SystemTimers(), Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
        service.close();
        routes.close();
    }

    @Test
    void distributedMap_csvInLocalBucket_writesResultsAndManifestToTheFolder() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("orders").roleArn("arn:aws:iam::123456789012:role/r")
                .definition(("{'StartAt':'Map','States':{'Map':{'Type':'Map','Label':'Orders',"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'in',"
                        + "'Key':'orders.csv'},'ReaderConfig':{'InputType':'CSV','CSVDelimiter':'SEMICOLON'}},"
                        + "'ToleratedFailureCount':1,"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Check','States':{'Check':{'Type':'Choice','Choices':[{'Variable':'$.qty',"
                        + "'StringEquals':'0','Next':'Empty'}],'Default':'Ok'},"
                        + "'Empty':{'Type':'Fail','Error':'EmptyOrder','Cause':'no quantity'},"
                        + "'Ok':{'Type':'Pass','End':true}}},"
                        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                        + "'Parameters':{'Bucket':'out','Prefix':'runs'}},'End':true}}}").replace('\'', '"')))
                .stateMachineArn();

        String run = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse d = awaitEnd(run);

        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JsonText.tryParse(d.output()).orElseThrow();
        String manifestKey = out.path("ResultWriterDetails").path("Key").asText();
        assertThat(manifestKey).startsWith("runs/").endsWith("/manifest.json");
        JsonNode manifest = JsonText.tryParse(Files.readString(dir.resolve("buckets/out").resolve(manifestKey)))
                .orElseThrow();
        assertThat(manifest.path("MapRunArn").asText()).isEqualTo(out.path("MapRunArn").asText());
        JsonNode succeeded = JsonText.tryParse(Files.readString(dir.resolve("buckets/out")
                .resolve(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText()))).orElseThrow();
        JsonNode failed = JsonText.tryParse(Files.readString(dir.resolve("buckets/out")
                .resolve(manifest.path("ResultFiles").path("FAILED").get(0).path("Key").asText()))).orElseThrow();
        assertThat(succeeded).hasSize(2);
        assertThat(succeeded.get(1).path("Output").asText()).isEqualTo("{\"qty\":\"7\",\"id\":\"3\"}");
        assertThat(failed.get(0).path("Error").asText()).isEqualTo("EmptyOrder");
        assertThat(failed.get(0).path("Input").asText()).contains("\"id\":\"2\"");
    }

    /**
     * A Parquet object's rows are the items, typed as their columns are (a number stays a number, a null a null),
     * and MaxItems stops the reader inside the object.
     */
    @Test
    void distributedMap_parquetInLocalBucket_rowsAreTypedItems() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("people").roleArn("arn:aws:iam::123456789012:role/r")
                .definition(("{'StartAt':'Map','States':{'Map':{'Type':'Map','Label':'People',"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'in',"
                        + "'Key':'people.parquet'},'ReaderConfig':{'InputType':'PARQUET','MaxItems':25}},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"
                        + "'StartAt':'Pick','States':{'Pick':{'Type':'Pass','Parameters':{'id.$':'$.id',"
                        + "'name.$':'$.name','price.$':'$.price'},'End':true}}},'End':true}}}").replace('\'', '"')))
                .stateMachineArn();

        String run = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse d = awaitEnd(run);

        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JsonText.tryParse(d.output()).orElseThrow();
        assertThat(out).hasSize(25);
        assertThat(out.get(24).path("id").intValue()).isEqualTo(24);
        assertThat(out.get(0).path("price").decimalValue()).isEqualByComparingTo("12.30");
        assertThat(out.get(2).path("name").isNull()).isTrue();
    }

    /**
     * A run over its tolerated failures still writes its results ("ResultWriter (Map)": SUCCEEDED, FAILED and
     * PENDING files and the manifest), then the state fails: order 2 fails, order 3 is never started.
     */
    @Test
    void distributedMap_runFails_writesSucceededFailedAndPendingThenFails() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("orders-failing").roleArn("arn:aws:iam::123456789012:role/r")
                .definition(("{'StartAt':'Map','States':{'Map':{'Type':'Map','Label':'Failing','MaxConcurrency':1,"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'in',"
                        + "'Key':'orders.csv'},'ReaderConfig':{'InputType':'CSV','CSVDelimiter':'SEMICOLON'}},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Check','States':{'Check':{'Type':'Choice','Choices':[{'Variable':'$.qty',"
                        + "'StringEquals':'0','Next':'Empty'}],'Default':'Ok'},"
                        + "'Empty':{'Type':'Fail','Error':'EmptyOrder','Cause':'no quantity'},"
                        + "'Ok':{'Type':'Pass','End':true}}},"
                        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                        + "'Parameters':{'Bucket':'out','Prefix':'failed'}},'End':true}}}").replace('\'', '"')))
                .stateMachineArn();

        String run = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse d = awaitEnd(run);

        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        String mapRunArn = sfn.listMapRuns(b -> b.executionArn(run)).mapRuns().get(0).mapRunArn();
        Path folder = dir.resolve("buckets/out/failed").resolve(mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1));
        JsonNode manifest = JsonText.tryParse(Files.readString(folder.resolve("manifest.json"))).orElseThrow();
        JsonNode files = manifest.path("ResultFiles");
        assertThat(read(files.path("SUCCEEDED").get(0))).hasSize(1);
        assertThat(read(files.path("FAILED").get(0)).get(0).path("Error").asText()).isEqualTo("EmptyOrder");
        JsonNode pending = read(files.path("PENDING").get(0));
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("Status").asText()).isEqualTo("PENDING");
        assertThat(pending.get(0).path("Input").asText()).contains("\"id\":\"3\"");
    }

    /** DescribeMapRun of a batched run: itemCounts count the items, executionCounts the batches' children. */
    @Test
    void distributedMap_itemBatcher_countsItemsAndChildExecutionsApart() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("orders-batched").roleArn("arn:aws:iam::123456789012:role/r")
                .definition(("{'StartAt':'Map','States':{'Map':{'Type':'Map','Label':'Batched',"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'in',"
                        + "'Key':'orders.csv'},'ReaderConfig':{'InputType':'CSV','CSVDelimiter':'SEMICOLON'}},"
                        + "'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'source':'orders.csv'}},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Ok','States':{'Ok':{'Type':'Pass','End':true}}},'End':true}}}")
                        .replace('\'', '"'))).stateMachineArn();

        String run = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse d = awaitEnd(run);

        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JsonText.tryParse(d.output()).orElseThrow();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).path("BatchInput").path("source").asText()).isEqualTo("orders.csv");
        assertThat(out.get(1).path("Items")).hasSize(1);
        String mapRunArn = sfn.listMapRuns(b -> b.executionArn(run)).mapRuns().get(0).mapRunArn();
        var described = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertThat(described.itemCounts().succeeded()).isEqualTo(3);
        assertThat(described.itemCounts().total()).isEqualTo(3);
        assertThat(described.executionCounts().succeeded()).isEqualTo(2);
        assertThat(described.executionCounts().total()).isEqualTo(2);
    }

    private static JsonNode read(JsonNode file) throws java.io.IOException {
        return JsonText.tryParse(Files.readString(dir.resolve("buckets/out").resolve(file.path("Key").asText())))
                .orElseThrow();
    }

    private static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING) {
                return d;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("still running: " + executionArn);
    }
}
