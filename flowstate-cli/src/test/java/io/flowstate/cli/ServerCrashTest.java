package io.flowstate.cli;

import static io.flowstate.cli.ServerRuns.freePort;
import static io.flowstate.cli.ServerRuns.history;
import static io.flowstate.cli.ServerRuns.name;
import static io.flowstate.cli.ServerRuns.resource;
import static io.flowstate.cli.ServerRuns.untimed;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * The crash test (SQLite): {@code flowstate server} runs as a child process while a few hundred executions
 * are started and run, and is killed with {@code kill -9} at random moments, three times, each time restarted
 * on the same data directory. Every execution must end with the history (timestamps aside) of an
 * uninterrupted run of the same executions on an in-process, in-memory server.
 *
 * <p>The machine mixes Pass, Wait (real seconds), Parallel, Map, Choice and a Task. A child process has no
 * in-process task handlers, so the Task's resource is bound to nothing: each call fails with
 * {@code States.TaskFailed}, is retried after a second's backoff (a durable timer) and then caught. Each
 * execution has at most one timer or task pending at a time, so its event order does not depend on how fast
 * the server comes back (after a restart, overdue timers of one execution would fire together).
 */
class ServerCrashTest {
    private static final int EXECUTIONS = 300;
    private static final int KILLS = 3;
    private static final String ROLE = "arn:aws:iam::123456789012:role/crash";

    @TempDir
    Path data;

    /** Both durability modes survive {@code kill -9}: {@code process} differs from {@code power} only on power loss. */
    @ParameterizedTest(name = "--durability {0}")
    @ValueSource(strings = {"power", "process"})
    void server_killedThreeTimesWhileRunning_everyExecutionCompletesWithUninterruptedHistory(String durability)
            throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String definition = resource("/crash-machine.json");
        int port = freePort();
        long t0 = System.nanoTime();
        List<String> log = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ServerProcess first = start(port, durability); SfnClient sfn = ServerRuns.client(port, "crash", Duration.ofSeconds(10))) {
            ServerProcess server = first;
            log.add("ready in " + server.readyMillis() + " ms");
            String sm = sfn.createStateMachine(b -> b.name("crash").definition(definition).roleArn(ROLE)).stateMachineArn();
            Future<Map<String, List<HistoryEvent>>> expected = pool.submit(() -> uninterrupted(definition));

            AtomicInteger started = new AtomicInteger();
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                int n = i;
                starts.add(pool.submit(() -> {
                    startUntilAccepted(sfn, sm, n);
                    started.incrementAndGet();
                    return null;
                }));
            }
            try {
                for (int k = 1; k <= KILLS; k++) {
                    Thread.sleep(300 + random.nextInt(2200));
                    int atStart = started.get();
                    server.kill();
                    server = start(port, durability);
                    log.add("kill " + k + " after " + atStart + " starts; restart resumed " + server.resumed()
                            + " execution(s), ready in " + server.readyMillis() + " ms");
                }
                for (Future<?> f : starts) {
                    f.get(60, TimeUnit.SECONDS);
                }
                awaitAllClosed(sfn, sm);

                Map<String, List<HistoryEvent>> want = expected.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < EXECUTIONS; i++) {
                    String name = name(i);
                    String arn = sm.replace(":stateMachine:", ":execution:") + ":" + name;
                    assertThat(untimed(history(sfn, arn))).as("%s (seed %d, %s)", name, seed, log)
                            .isEqualTo(untimed(want.get(name)));
                }
            } finally {
                server.close();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("ServerCrashTest: %d executions, %d kills, %.1f s, seed %d: %s%n", EXECUTIONS, KILLS,
                (System.nanoTime() - t0) / 1e9, seed, log);
    }

    /** The same executions on an in-process server with in-memory stores, never interrupted. */
    private static Map<String, List<HistoryEvent>> uninterrupted(String definition) throws Exception {
        try (StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                ServerRuns.tasks(), new SystemTimers(), Duration.ofSeconds(1))) {
            ApiServer server = ApiServer.start(service, "127.0.0.1", 0);
            try (SfnClient sfn = ServerRuns.client(server.port(), "crash", Duration.ofSeconds(10))) {
                String sm = sfn.createStateMachine(b -> b.name("crash").definition(definition).roleArn(ROLE)).stateMachineArn();
                for (int i = 0; i < EXECUTIONS; i++) {
                    startUntilAccepted(sfn, sm, i);
                }
                awaitAllClosed(sfn, sm);
                Map<String, List<HistoryEvent>> out = new HashMap<>();
                for (int i = 0; i < EXECUTIONS; i++) {
                    out.put(name(i), history(sfn, sm.replace(":stateMachine:", ":execution:") + ":" + name(i)));
                }
                return out;
            } finally {
                server.close();
            }
        }
    }

    /**
     * StartExecution, again after a connection failure (the server is down or was killed mid-call). Starting is
     * idempotent by name: the same execution if it still runs, ExecutionAlreadyExists if it has ended.
     */
    private static void startUntilAccepted(SfnClient sfn, String sm, int n) throws InterruptedException {
        String input = "{\"n\":" + n + ",\"items\":[" + n + "," + (n + 1) + "]}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                sfn.startExecution(b -> b.stateMachineArn(sm).name(name(n)).input(input));
                return;
            } catch (ExecutionAlreadyExistsException e) {
                return;
            } catch (SdkClientException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void awaitAllClosed(SfnClient sfn, String sm) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                int all = 0;
                int running = 0;
                String token = null;
                do {
                    String t = token;
                    ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(1000).nextToken(t));
                    all += page.executions().size();
                    running += (int) page.executions().stream().filter(e -> e.status() == ExecutionStatus.RUNNING).count();
                    token = page.nextToken();
                } while (token != null);
                if (all == EXECUTIONS && running == 0) {
                    return;
                }
                assertThat(System.nanoTime()).as("%d of %d executions still running", running, all).isLessThan(deadline);
            } catch (SdkClientException e) {
                assertThat(System.nanoTime()).as("server unreachable: %s", e.getMessage()).isLessThan(deadline);
            }
            Thread.sleep(100);
        }
    }

    private ServerProcess start(int port, String durability) throws Exception {
        return ServerProcess.start(List.of("--port", Integer.toString(port), "--data", data.toString(),
                "--durability", durability));
    }
}
