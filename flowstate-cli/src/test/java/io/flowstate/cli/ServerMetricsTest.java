package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code flowstate server} serves Prometheus metrics on its API port, and {@code --no-metrics} turns them off. */
class ServerMetricsTest {
    @TempDir
    Path data;

    private static HttpResponse<String> get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_afterAnExecution_countsItOnTheApiPort() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString()));
                SfnClient sfn = ServerRuns.client(server.port(), "metrics", Duration.ofSeconds(10))) {
            String sm = sfn.createStateMachine(b -> b.name("m").roleArn("arn:aws:iam::123456789012:role/r")
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
            String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
            assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

            HttpResponse<String> r = get(server.port());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("flowstate_executions_succeeded_total{alias=\"\",state_machine_arn=\"" + sm
                    + "\",version=\"\"} 1.0").contains("flowstate_store_group_commits_total ")
                    .contains("flowstate_store_commit_seconds_total ").contains("flowstate_log_events_dropped 0.0")
                    .contains("flowstate_timers_pending ").contains("flowstate_store_commit_queue ").contains("flowstate_timers_lag_seconds_total ");
        }
    }

    @Test
    void noMetrics_getMetrics_isNotServed() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString(), "--no-metrics"))) {
            assertThat(get(server.port()).statusCode()).isEqualTo(404);
        }
    }
}
