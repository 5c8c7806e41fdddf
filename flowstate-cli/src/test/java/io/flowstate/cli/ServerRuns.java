package io.flowstate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** What the tests that run servers as child processes share: SDK clients, ports, names, histories. */
final class ServerRuns {
    /**
     * The environment of every server these tests run, child or in-process: the machines' Lambda function is
     * called on an endpoint where nothing listens, so that each call fails the same way in every run (a connection
     * refused), as the uninterrupted reference run's does.
     */
    static final Map<String, String> TASK_ENVIRONMENT = Map.of("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:9",
            "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");

    /** The task handler of an in-process reference server: the integrations, with {@link #TASK_ENVIRONMENT}. */
    static io.flowstate.integrations.Integrations tasks() {
        return new io.flowstate.integrations.Integrations(new io.flowstate.integrations.sdk.SdkClients(TASK_ENVIRONMENT,
                Map.of(), Region.US_EAST_1),
                io.flowstate.engine.task.TaskHandlers.unbound());
    }

    private ServerRuns() {}

    /**
     * An SDK client for the server on {@code port} that does not retry: these tests retry themselves (across
     * restarts, or on another node), and the SDK's backoff would only slow them down.
     */
    static SfnClient client(int port, String accessKey, Duration socketTimeout) {
        return SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(socketTimeout).build())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    /** The whole history of {@code arn}, oldest first. */
    static List<HistoryEvent> history(SfnClient sfn, String arn) {
        List<HistoryEvent> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000).nextToken(t));
            out.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    /** The events without their timestamps, to compare two runs. */
    static List<HistoryEvent> untimed(List<HistoryEvent> events) {
        return events.stream().map(e -> e.toBuilder().timestamp(null).build()).toList();
    }

    /** The name of the {@code i}-th execution. */
    static String name(int i) {
        return String.format("e%03d", i);
    }

    /**
     * Polls DescribeExecution until the execution is no longer RUNNING, within {@code limit}; a server that is
     * unreachable for a while (restarting after a kill) is waited for.
     */
    static software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse awaitEnd(SfnClient sfn, String exec,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                var d = sfn.describeExecution(b -> b.executionArn(exec));
                if (d.status() != software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING) {
                    return d;
                }
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("server unreachable: %s", e.getMessage())
                        .isLessThan(deadline);
            }
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("the run did not end in %s", limit)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** A test resource of this package as text. */
    static String resource(String name) throws IOException {
        try (InputStream in = ServerRuns.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
