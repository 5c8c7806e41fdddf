package io.flowstate.cli;

import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowstate server}: the AWS Step Functions API on {@code --bind}:{@code --port} until the process is
 * stopped. Point AWS SDKs and CLIs at it with an endpoint override; any credentials are accepted.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serves the AWS Step Functions API (AWS JSON 1.0) for AWS SDKs and CLIs.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8083", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory for durable state (not used yet: state is kept in memory).")
    Path data;

    @Option(names = "--account", defaultValue = "123456789012", description = "Account id in ARNs (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
    String region;

    @Override
    public Integer call() throws Exception {
        if (!account.matches("\\d{12}")) {
            System.err.println("flowstate: --account must be 12 digits: " + account);
            return 2;
        }
        long t0 = System.nanoTime();
        SystemTimers timers = new SystemTimers();
        StepFunctions service = new StepFunctions(new ApiContext(region, account, InstantSource.system()),
                TaskHandlers.unbound(), timers, Duration.ofSeconds(60));
        ApiServer server = ApiServer.start(service, bind, port);
        if (data != null) {
            System.err.println("flowstate: --data is not used yet; state is kept in memory and lost on exit");
        }
        System.err.printf("flowstate: Step Functions API on http://%s:%d (region %s, account %s), ready in %d ms%n",
                bind, server.port(), region, account, (System.nanoTime() - t0) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            service.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
