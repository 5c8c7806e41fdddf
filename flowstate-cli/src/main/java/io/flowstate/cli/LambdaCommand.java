package io.flowstate.cli;

import io.flowstate.lambda.LambdaServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowstate lambda}: a local AWS Lambda API (REST-JSON, as the SDKs call it) on {@code --bind}:{@code --port}
 * until the process is stopped. It runs Python and Node.js functions for real, in warm processes, without Docker.
 * Point Flowstate's server at it with {@code AWS_ENDPOINT_URL_LAMBDA=http://127.0.0.1:9001 ./flowstate server}.
 */
@Command(name = "lambda", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Serves the AWS Lambda API locally, running python3.x and nodejs functions in local processes.")
final class LambdaCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9001", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--account", defaultValue = "123456789012", description = "Account id in ARNs (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--python", defaultValue = "python3",
            description = "Python interpreter for python3.x functions when the exact python3.N is not on the PATH "
                    + "(default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--node", defaultValue = "node", description = "Node.js interpreter (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(names = "--max-concurrency", defaultValue = "100",
            description = "Most warm processes of one function at once; past it Invoke answers 429 (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Override
    public Integer call() throws Exception {
        if (!account.matches("\\d{12}")) {
            System.err.println("flowstate: --account must be 12 digits: " + account);
            return 2;
        }
        if (maxConcurrency < 1) {
            System.err.println("flowstate: --max-concurrency must be at least 1: " + maxConcurrency);
            return 2;
        }
        long t0 = System.nanoTime();
        LambdaServer server = LambdaServer.builder().host(bind).port(port).region(region).account(account)
                .python(python).node(node).maxConcurrency(maxConcurrency).start();
        System.err.printf("flowstate: Lambda API on %s (region %s, account %s), %s, ready in %d ms%n", server.url(),
                region, account, server.runtimes(), (System.nanoTime() - t0) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
