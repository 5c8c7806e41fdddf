package io.flowstate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metric values after known executions, as Prometheus scrapes them. */
class FlowstateMetricsTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:double";
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:sm";
    private static final String LABELS = "{alias=\"\",state_machine_arn=\"" + SM + "\",version=\"\"}";

    private final FlowstateMetrics metrics = new FlowstateMetrics();
    private final Engine engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.byResource(Map.of(
            FN, TaskHandlers.function(in -> json("{\"n\":2}")),
            "arn:aws:states:::sqs:sendMessage", inv -> TaskOutcome.Failure.of("SQS.AmazonSQSException", "no queue")),
            TaskHandlers.unbound()), new SystemTimers());

    @AfterEach
    void close() {
        engine.close();
        metrics.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ExecutionStatus run(String name, String definition) throws Exception {
        StateMachine m = AslParser.parse(definition).machine().orElseThrow();
        ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", "sm", name,
                "arn:aws:iam::123456789012:role/r", Instant.now(), json("{}"));
        engine.start(m, info, "STANDARD");
        return engine.completion(info.executionArn()).get(10, TimeUnit.SECONDS).status();
    }

    @Test
    void scrape_afterASucceededAndAFailedExecution_countsThemWithAwsNamesInHelp() throws Exception {
        engine.historyListener(metrics.listener());

        assertThat(run("ok", """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"L"},"L":{"Type":"Task","Resource":"%s","End":true}}}"""
                .formatted(FN))).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run("bad", """
                {"StartAt":"Q","States":{"Q":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                  "Parameters":{"QueueUrl":"q","MessageBody":"m"},"End":true}}}""")).isEqualTo(ExecutionStatus.FAILED);
        String text = metrics.scrape();

        assertThat(text).contains("# HELP flowstate_executions_started_total AWS CloudWatch metric ExecutionsStarted")
                .contains("flowstate_executions_started_total" + LABELS + " 2.0")
                .contains("flowstate_executions_succeeded_total" + LABELS + " 1.0")
                .contains("flowstate_executions_failed_total" + LABELS + " 1.0")
                .contains("flowstate_execution_time_seconds_count" + LABELS + " 2")
                .contains("flowstate_state_transitions_total 3.0")
                .contains("flowstate_executions_open 0.0")
                .contains("flowstate_lambda_functions_scheduled_total{lambda_function_arn=\"" + FN + "\"} 1.0")
                .contains("flowstate_lambda_functions_succeeded_total{lambda_function_arn=\"" + FN + "\"} 1.0")
                .contains("# HELP flowstate_lambda_function_run_time_seconds AWS CloudWatch metric LambdaFunctionRunTime")
                .contains("flowstate_lambda_function_time_seconds_count{lambda_function_arn=\"" + FN + "\"} 1")
                .contains("flowstate_service_integrations_failed_total{service_integration_resource_arn="
                        + "\"arn:aws:states:::sqs:sendMessage\"} 1.0")
                .contains("jvm_memory_used_bytes");
        assertThat(text).doesNotContain("flowstate_executions_aborted_total" + LABELS);
    }

    @Test
    void route_getMetrics_servesTheTextFormatAndDeclinesOtherPaths() throws Exception {
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server(0);
        jetty.setHandler(new org.eclipse.jetty.server.Handler.Sequence(metrics.route(),
                new org.eclipse.jetty.server.handler.DefaultHandler()));
        jetty.start();
        try {
            int port = ((org.eclipse.jetty.server.ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            var ok = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var other = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/other")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(ok.body()).contains("# TYPE flowstate_executions_open gauge");
            assertThat(other.statusCode()).isEqualTo(404);
        } finally {
            jetty.stop();
        }
    }
}
