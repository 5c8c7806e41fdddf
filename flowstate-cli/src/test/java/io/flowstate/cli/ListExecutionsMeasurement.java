package io.flowstate.cli;

import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.store.jdbc.JdbcDatabase;
import io.flowstate.store.jdbc.Durability;
import io.flowstate.store.jdbc.JdbcStores;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * ListExecutions through the API (the SDK v2 client against an in-process server on SQLite) over a million
 * executions of one state machine, run on request only ({@code -Dflowstate.measure=true}; the number with
 * {@code -Dflowstate.measure.executions}): p50/p99 of first and deep pages of 100, with and without a status
 * filter. Figures go to stdout.
 *
 * <p>The rows go straight into the tables in one transaction, as in the store's own StoreMeasurement: the
 * executions, and the API's metadata document for each (so every listed execution costs its metadata read, as
 * for executions started through the API).
 */
class ListExecutionsMeasurement {
    private static final String ROLE = "arn:aws:iam::123456789012:role/measure";
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    /** Timed calls per case ({@code -Dflowstate.measure.samples}); a third as many warm up first. */
    private static final int SAMPLES = Integer.getInteger("flowstate.measure.samples", 300);
    /** The token list of first pages: none. */
    private static final List<String> FIRST_PAGE = java.util.Collections.singletonList(null);

    @TempDir
    Path dir;

    @BeforeEach
    void onRequest() {
        Assumptions.assumeTrue(Boolean.getBoolean("flowstate.measure"), "measurements run with -Dflowstate.measure=true");
    }

    @Test
    void listExecutions_millionExecutionsSqliteThroughSdk_printsLatencyPercentiles() throws Exception {
        int total = Integer.getInteger("flowstate.measure.executions", 1_000_000);
        Path file = dir.resolve("list.db");
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file, Durability.PROCESS);
                StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                        TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1), db.executions(), db.registry());
                ApiServer server = ApiServer.start(service, "127.0.0.1", 0);
                SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(10))).build()) {
            String sm = sfn.createStateMachine(b -> b.name("measure").definition(PASS).roleArn(ROLE)).stateMachineArn();
            // Through the API once, for the definition row and a metadata document to copy.
            sfn.startExecution(b -> b.stateMachineArn(sm).name("seed"));
            long loadStart = System.nanoTime();
            bulkLoad(file, sm, total);
            System.out.printf("loaded %d executions (and their metadata) in %.1f s%n", total, (System.nanoTime() - loadStart) / 1e9);

            Consumer<ListExecutionsRequest.Builder> all = b -> b.stateMachineArn(sm);
            Consumer<ListExecutionsRequest.Builder> failed = b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.FAILED);
            report("first page, no filter", sfn, all, FIRST_PAGE);
            report("first page, statusFilter=FAILED", sfn, failed, FIRST_PAGE);
            report("first page, redriveFilter=NOT_REDRIVEN", sfn,
                    b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN),
                    FIRST_PAGE);
            report("deep page, no filter", sfn, all, deepTokens(sfn, all));
            report("deep page, statusFilter=FAILED", sfn, failed, deepTokens(sfn, failed));

            // A filter nothing matches: once a scan of every execution (18 s), now an empty index range (V8).
            long t = System.nanoTime();
            ListExecutionsResponse none = sfn.listExecutions(b -> b.stateMachineArn(sm)
                    .redriveFilter(ExecutionRedriveFilter.REDRIVEN).maxResults(100));
            System.out.printf("redriveFilter=REDRIVEN, nothing matches among %d: %.0f ms, %d items%n", total,
                    (System.nanoTime() - t) / 1e6, none.executions().size());
        }
    }

    /** Times SAMPLES pages of 100, each from a token picked at random from {@code tokens} (null: the first page). */
    private static void report(String what, SfnClient sfn, Consumer<ListExecutionsRequest.Builder> args, List<String> tokens) {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < Math.max(1, SAMPLES / 3); i++) {
            page(sfn, args, tokens.get(random.nextInt(tokens.size())));
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String token = tokens.get(random.nextInt(tokens.size()));
            long t = System.nanoTime();
            ListExecutionsResponse r = page(sfn, args, token);
            nanos[i] = System.nanoTime() - t;
            if (r.executions().size() != 100) {
                throw new IllegalStateException(what + ": a page of " + r.executions().size());
            }
        }
        Arrays.sort(nanos);
        System.out.printf("ListExecutions via SDK, %s, 100 per page, %d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, SAMPLES, nanos[SAMPLES / 2] / 1e6, nanos[SAMPLES * 99 / 100] / 1e6, nanos[SAMPLES - 1] / 1e6);
    }

    private static ListExecutionsResponse page(SfnClient sfn, Consumer<ListExecutionsRequest.Builder> args, String token) {
        return sfn.listExecutions(b -> {
            args.accept(b);
            b.maxResults(100).nextToken(token);
        });
    }

    /** Tokens from the second half of the listing, found by walking it in pages of 1000. */
    private static List<String> deepTokens(SfnClient sfn, Consumer<ListExecutionsRequest.Builder> args) {
        List<String> tokens = new ArrayList<>();
        String token = null;
        long t = System.nanoTime();
        int pages = 0;
        do {
            String next = token;
            ListExecutionsResponse r = sfn.listExecutions(b -> {
                args.accept(b);
                b.maxResults(1000).nextToken(next);
            });
            pages++;
            token = r.nextToken();
            if (token != null) {
                tokens.add(token);
            }
        } while (token != null);
        System.out.printf("walked %d pages of 1000 in %.1f s%n", pages, (System.nanoTime() - t) / 1e9);
        // Past the middle, and not the last few (whose pages would hold fewer than 100).
        return List.copyOf(tokens.subList(tokens.size() / 2, Math.max(tokens.size() / 2 + 1, tokens.size() - 2)));
    }

    /** Executions of {@code machine} and their metadata documents, straight into the tables in one transaction. */
    private static void bulkLoad(Path file, String machine, int total) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String hash;
            String meta;
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                try (ResultSet rs = s.executeQuery("SELECT definition_hash FROM executions LIMIT 1")) {
                    rs.next();
                    hash = rs.getString(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT body FROM registry WHERE kind = 'execution' LIMIT 1")) {
                    rs.next();
                    meta = rs.getString(1);
                }
            }
            c.setAutoCommit(false);
            String prefix = machine.replace(":stateMachine:", ":execution:") + ":";
            long t0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
            try (PreparedStatement ex = c.prepareStatement("INSERT INTO executions (execution_arn, state_machine_arn, name, "
                    + "type, status, start_ns, input_text, stop_ns, output, error, cause, last_event_id, journal_length, "
                    + "definition_hash, start_info) VALUES (?, ?, ?, 'STANDARD', ?, ?, '{}', ?, ?, NULL, NULL, 3, 1, ?, '{}')");
                    PreparedStatement reg = c.prepareStatement("INSERT INTO registry (kind, key, body) VALUES ('execution', ?, ?)")) {
                SplittableRandom random = new SplittableRandom(7);
                String[] statuses = {"RUNNING", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED"};
                for (int i = 0; i < total; i++) {
                    String status = statuses[random.nextInt(statuses.length)];
                    long start = t0 + i * 1_000_000L;
                    ex.setString(1, prefix + "e" + i);
                    ex.setString(2, machine);
                    ex.setString(3, "e" + i);
                    ex.setString(4, status);
                    ex.setLong(5, start);
                    if (status.equals("RUNNING")) {
                        ex.setNull(6, java.sql.Types.BIGINT);
                        ex.setNull(7, java.sql.Types.VARCHAR);
                    } else {
                        ex.setLong(6, start + 500_000L);
                        ex.setString(7, "{}");
                    }
                    ex.setString(8, hash);
                    ex.addBatch();
                    reg.setString(1, prefix + "e" + i);
                    reg.setString(2, meta);
                    reg.addBatch();
                    if (i % 10_000 == 9_999) {
                        ex.executeBatch();
                        reg.executeBatch();
                    }
                }
                ex.executeBatch();
                reg.executeBatch();
            }
            c.commit();
        }
    }
}
