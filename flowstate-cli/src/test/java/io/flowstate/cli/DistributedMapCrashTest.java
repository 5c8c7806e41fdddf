package io.flowstate.cli;

import static io.flowstate.cli.ServerRuns.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * The Distributed Map crash test (issue [distributed-map], "Tests and figures"): {@code flowstate server} runs as a
 * child process a Distributed Map with Standard children over 200 CSV rows read from a local-directory S3 bucket
 * ({@code buckets:} route), MaxConcurrency 20, each child one Task whose function is {@link RecordingFunction}, an
 * HTTP target in this JVM that records every call. The server is killed with {@code kill -9} three times while
 * children run and restarted on the same data directory each time.
 *
 * <p>Afterwards every item's child has succeeded (ListExecutions by Map Run, DescribeMapRun's counts), the parent
 * has succeeded with every child's result in item order, and no item's Task ran twice except as the in-flight task
 * rule allows (docs/durability.md): a call in flight when the server died is made again, once, by the restarted
 * server. So each item is called at most once per server process, and a call is followed by another only if its
 * process was killed before the result could have been committed: its reply was never written, or written at most
 * {@link #COMMIT_SLACK} before the kill.
 */
class DistributedMapCrashTest {
    private static final int ITEMS = 200;
    private static final int KILLS = 3;
    /** How long after its reply a result may still be uncommitted at a kill (group commit on a loaded machine). */
    private static final Duration COMMIT_SLACK = Duration.ofSeconds(3);
    private static final String ROLE = "arn:aws:iam::123456789012:role/crash";

    @TempDir
    Path dir;

    /** Both durability modes: {@code process} differs from {@code power} only on power loss, not on {@code kill -9}. */
    @ParameterizedTest(name = "--durability {0}")
    @ValueSource(strings = {"power", "process"})
    void server_killedThreeTimesDuringStandardChildren_everyItemRunsOnceSaveInFlightCalls(String durability)
            throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        int port = freePort();
        List<Long> killNanos = new ArrayList<>();
        List<String> log = new ArrayList<>();
        long t0 = System.nanoTime();
        try (RecordingFunction function = new RecordingFunction(400, 800)) {
            List<String> options = List.of("--port", Integer.toString(port), "--data", data.toString(),
                    "--integrations", routes(function).toString(), "--durability", durability);
            ServerProcess server = ServerProcess.start(options);
            try (SfnClient sfn = ServerRuns.client(port, "crash", Duration.ofSeconds(10))) {
                String sm = sfn.createStateMachine(b -> b.name("dmap").definition(definition()).roleArn(ROLE))
                        .stateMachineArn();
                String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("run").input("{}")).executionArn();
                for (int k = 1; k <= KILLS; k++) {
                    Thread.sleep(600 + random.nextInt(800));
                    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                            .as("the run must still be going at kill %d (seed %d)", k, seed)
                            .isEqualTo(ExecutionStatus.RUNNING);
                    killNanos.add(System.nanoTime());
                    server.kill();
                    function.nextEpoch();
                    server = ServerProcess.start(options);
                    log.add("kill " + k + ": " + function.calls().size() + " calls so far; restart resumed "
                            + server.resumed() + " execution(s), ready in " + server.readyMillis() + " ms");
                }
                DescribeExecutionResponse done = ServerRuns.awaitEnd(sfn, exec, Duration.ofSeconds(60));
                assertThat(done.status()).as("%s (seed %d)", done.cause(), seed).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(Json.parse(done.output())).isEqualTo(expectedOutput());
                checkChildren(sfn, exec);
                log.add(checkCalls(function.calls(), killNanos));
            } finally {
                server.close();
            }
        }
        System.out.printf("DistributedMapCrashTest (%s): %d items, %d kills, %.1f s, seed %d: %s%n", durability, ITEMS,
                KILLS, (System.nanoTime() - t0) / 1e9, seed, log);
    }

    /** One Map Run whose 200 children all succeeded, listed and counted by the API. */
    private static void checkChildren(SfnClient sfn, String exec) {
        List<software.amazon.awssdk.services.sfn.model.MapRunListItem> runs =
                sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
        assertThat(runs).hasSize(1);
        String mapRun = runs.get(0).mapRunArn();
        DescribeMapRunResponse described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(described.itemCounts().succeeded()).isEqualTo(ITEMS);
        assertThat(described.executionCounts().succeeded()).isEqualTo(ITEMS);
        List<ExecutionListItem> children = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> b.mapRunArn(mapRun).maxResults(100).nextToken(t));
            children.addAll(page.executions());
            token = page.nextToken();
        } while (token != null);
        assertThat(children).hasSize(ITEMS).allSatisfy(c -> assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    }

    /**
     * The in-flight task rule, call by call; returns a summary line. Each item is called at least once and at most
     * once per server process; a call followed by another was made by a process that was then killed, and was not
     * answered more than {@link #COMMIT_SLACK} before that kill.
     */
    private static String checkCalls(List<RecordingFunction.Call> calls, List<Long> killNanos) {
        Map<String, List<RecordingFunction.Call>> byItem = new LinkedHashMap<>();
        calls.forEach(c -> byItem.computeIfAbsent(c.id, k -> new ArrayList<>()).add(c));
        assertThat(byItem.keySet()).as("items called").containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, ITEMS).mapToObj(Integer::toString).toList());
        int[] repeatedAfterKill = new int[KILLS];
        for (List<RecordingFunction.Call> itemCalls : byItem.values()) {
            for (int i = 0; i + 1 < itemCalls.size(); i++) {
                RecordingFunction.Call first = itemCalls.get(i);
                RecordingFunction.Call again = itemCalls.get(i + 1);
                assertThat(again.epoch).as("item %s called twice by one server process", first.id)
                        .isGreaterThan(first.epoch);
                long kill = killNanos.get(first.epoch);
                assertThat(first.answeredNanos == -1 || kill - first.answeredNanos <= COMMIT_SLACK.toNanos())
                        .as("item %s called again though its call was answered %d ms before kill %d", first.id,
                                (kill - first.answeredNanos) / 1_000_000, first.epoch + 1)
                        .isTrue();
                repeatedAfterKill[first.epoch]++;
            }
            assertThat(itemCalls.get(itemCalls.size() - 1).answeredNanos).as("item %s's last call answered",
                    itemCalls.get(0).id).isNotEqualTo(-1L);
        }
        int[] unanswered = new int[KILLS];
        for (RecordingFunction.Call c : calls) {
            if (c.epoch < KILLS && (c.answeredNanos == -1 || c.answeredNanos > killNanos.get(c.epoch))) {
                unanswered[c.epoch]++;
            }
        }
        for (int k = 0; k < KILLS; k++) {
            // A call still unanswered at a kill cannot have had its result committed: it must be made again.
            assertThat(repeatedAfterKill[k]).as("calls made again after kill %d", k + 1)
                    .isGreaterThanOrEqualTo(unanswered[k]);
        }
        return calls.size() + " calls for " + ITEMS + " items; unanswered at each kill: "
                + java.util.Arrays.toString(unanswered) + ", made again after it: "
                + java.util.Arrays.toString(repeatedAfterKill);
    }

    private Path routes(RecordingFunction function) throws Exception {
        Path buckets = dir.resolve("buckets");
        Files.createDirectories(buckets.resolve("input"));
        StringBuilder csv = new StringBuilder("id\n");
        for (int i = 0; i < ITEMS; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(buckets.resolve("input/items.csv"), csv);
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, "routes:\n"
                + "  - resource: \"arn:aws:states:::*s3:*\"\n    buckets: " + buckets + "\n"
                + "  - resource: \"arn:aws:lambda:*:*:function:work\"\n    http: " + function.url() + "\n");
        return routes;
    }

    private static String definition() {
        return ("{'StartAt':'Map','States':{'Map':{'Type':'Map','MaxConcurrency':20,"
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
                + "'CSVHeaderLocation':'FIRST_ROW'},'Parameters':{'Bucket':'input','Key':'items.csv'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'Work','States':{'Work':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:work','End':true}}},"
                + "'End':true}}}").replace('\'', '"');
    }

    private static JsonNode expectedOutput() {
        com.fasterxml.jackson.databind.node.ArrayNode out = Json.nodes().arrayNode();
        for (int i = 0; i < ITEMS; i++) {
            out.addObject().put("id", Integer.toString(i)).put("done", true);
        }
        return out;
    }
}
