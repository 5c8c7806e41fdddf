package io.flowstate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskOutcome;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans of known executions: one per execution, state and Task call, nested as the states ran. */
class ExecutionTracingTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Engine engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.byResource(Map.of(
            FN, TaskHandlers.function(in -> in),
            "arn:aws:states:::sqs:sendMessage", inv -> TaskOutcome.Failure.of("SQS.AmazonSQSException", "no queue")),
            TaskHandlers.unbound()), new SystemTimers());

    @AfterEach
    void close() {
        engine.close();
        provider.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void run(String name, String definition) throws Exception {
        engine.historyListener(new ExecutionTracing(provider.get("test")));
        ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", "sm", name,
                "arn:aws:iam::123456789012:role/r", Instant.now(), json("[1,2]"));
        engine.start(AslParser.parse(definition).machine().orElseThrow(), info, "STANDARD");
        engine.completion(info.executionArn()).get(10, TimeUnit.SECONDS);
    }

    private SpanData span(String name) {
        return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void spans_passThenLambdaInAMap_nestAsTheStatesRan() throws Exception {
        run("ok", """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"M"},
                 "M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"L","States":{
                   "L":{"Type":"Task","Resource":"%s","End":true}}}}}}""".formatted(FN));

        List<SpanData> spans = exported.getFinishedSpanItems();
        SpanData execution = span("Execution sm");
        SpanData map = span("M");
        List<SpanData> lambdas = spans.stream().filter(s -> s.getName().equals("L")).toList();
        List<SpanData> calls = spans.stream().filter(s -> s.getName().equals("Task " + FN)).toList();

        assertThat(execution.getParentSpanContext().isValid()).isFalse();
        assertThat(execution.getAttributes().get(ExecutionTracing.EXECUTION_ARN)).endsWith(":execution:sm:ok");
        assertThat(span("P").getParentSpanId()).isEqualTo(execution.getSpanId());
        assertThat(span("P").getAttributes().get(ExecutionTracing.STATE_TYPE)).isEqualTo("Pass");
        assertThat(map.getParentSpanId()).isEqualTo(execution.getSpanId());
        assertThat(lambdas).hasSize(2).allSatisfy(l -> assertThat(l.getParentSpanId()).isEqualTo(map.getSpanId()));
        assertThat(calls).hasSize(2).allSatisfy(c -> assertThat(
                lambdas.stream().map(SpanData::getSpanId)).contains(c.getParentSpanId()));
        assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(execution.getTraceId()));
        assertThat(execution.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void spans_failingTask_markTheCallTheStateAndTheExecutionFailed() throws Exception {
        run("bad", """
                {"StartAt":"Q","States":{"Q":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                  "Parameters":{"QueueUrl":"q","MessageBody":"m"},"End":true}}}""");

        assertThat(span("Task arn:aws:states:::sqs:sendMessage").getStatus().getDescription())
                .isEqualTo("SQS.AmazonSQSException");
        assertThat(span("Execution sm").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span("Execution sm").getAttributes().get(ExecutionTracing.ERROR)).isEqualTo("SQS.AmazonSQSException");
        assertThat(span("Q").hasEnded()).isTrue();
    }

    /** An execution resumed after a restart: its span runs from its start time and holds the states it runs now. */
    @Test
    void spans_executionResumedMidWay_tracedFromItsStartWithTheStatesAfter() {
        ExecutionTracing tracing = new ExecutionTracing(provider.get("test"));
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", "sm", "resumed",
                "arn:aws:iam::123456789012:role/r", start, json("{}"));
        Instant later = start.plusSeconds(60);
        java.util.List<io.flowstate.engine.history.HistoryEvent> events = List.of(
                event(4, 3, later, io.flowstate.engine.history.EventType.WAIT_STATE_EXITED,
                        new io.flowstate.engine.history.EventDetails.StateExited("W", json("{}"), java.util.Optional.empty())),
                event(5, 4, later, io.flowstate.engine.history.EventType.PASS_STATE_ENTERED,
                        new io.flowstate.engine.history.EventDetails.StateEntered("P", json("{}"))),
                event(6, 5, later.plusSeconds(1), io.flowstate.engine.history.EventType.PASS_STATE_EXITED,
                        new io.flowstate.engine.history.EventDetails.StateExited("P", json("{}"), java.util.Optional.empty())),
                event(7, 6, later.plusSeconds(1), io.flowstate.engine.history.EventType.EXECUTION_SUCCEEDED,
                        new io.flowstate.engine.history.EventDetails.Output(json("{}"))));

        tracing.appended(info, 0, events, io.flowstate.engine.history.PayloadWriter.COMPACT);

        SpanData execution = span("Execution sm");
        SpanData pass = span("P");
        assertThat(execution.getStartEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(start.getEpochSecond()));
        assertThat(execution.getEndEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(later.getEpochSecond() + 1));
        assertThat(execution.getAttributes().get(ExecutionTracing.RESUMED)).isTrue();
        assertThat(pass.getParentSpanId()).isEqualTo(execution.getSpanId());
        assertThat(pass.getTraceId()).isEqualTo(execution.getTraceId());
    }

    private static io.flowstate.engine.history.HistoryEvent event(long id, long previous, Instant at,
            io.flowstate.engine.history.EventType type, io.flowstate.engine.history.EventDetails details) {
        return new io.flowstate.engine.history.HistoryEvent(id, previous, at, type, details);
    }
}
