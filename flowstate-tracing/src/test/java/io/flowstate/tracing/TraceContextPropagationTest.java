package io.flowstate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.TraceContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trace context in and out of an execution: its traceHeader continued, its Task calls given their spans' context. */
class TraceContextPropagationTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final String DEFINITION = """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","Next":"Again"},
             "Again":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(FN, FN);

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().setIdGenerator(XrayIds.INSTANCE)
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final ExecutionTracing tracing = new ExecutionTracing(provider.get("test"));
    private final List<Optional<TraceContext>> seen = new CopyOnWriteArrayList<>();
    private final Engine engine = new Engine(new InMemoryExecutionStore(), new TracedTasks(inv -> {
        seen.add(inv.trace());
        return new TaskOutcome.Success(inv.input());
    }, tracing), new SystemTimers());

    @AfterEach
    void close() {
        engine.close();
        provider.close();
    }

    private void run(Optional<String> traceHeader) throws Exception {
        engine.historyListener(tracing);
        ExecutionInfo info = ExecutionInfo.of("us-east-1", "123456789012", "sm", "e1",
                "arn:aws:iam::123456789012:role/r", Instant.now(), Json.object()).withTraceHeader(traceHeader);
        engine.start(AslParser.parse(DEFINITION).machine().orElseThrow(), info, "STANDARD");
        engine.completion(info.executionArn()).get(10, TimeUnit.SECONDS);
    }

    private List<SpanData> spans(String name) {
        return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    }

    @Test
    void start_xrayTraceHeader_executionSpanContinuesThatTrace() throws Exception {
        run(Optional.of("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));

        SpanData execution = spans("Execution sm").getFirst();
        assertThat(execution.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(execution.getParentSpanId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(execution.getParentSpanContext().isRemote()).isTrue();
        assertThat(exported.getFinishedSpanItems()).allMatch(s -> s.getTraceId().equals(execution.getTraceId()));
    }

    @Test
    void taskCalls_eachGivenItsOwnTaskSpansContext() throws Exception {
        run(Optional.empty());

        List<SpanData> calls = spans("Task " + FN);
        assertThat(calls).hasSize(2);
        assertThat(seen).hasSize(2).allMatch(Optional::isPresent);
        assertThat(seen.stream().map(Optional::orElseThrow).map(TraceContext::spanId))
                .containsExactlyElementsOf(calls.stream().map(SpanData::getSpanId).toList());
        assertThat(seen.getFirst().orElseThrow().traceId()).isEqualTo(calls.getFirst().getTraceId());
        assertThat(seen.getFirst().orElseThrow().sampled()).isTrue();
    }

    @Test
    void traceIds_beginWithTheStartTimeAsXrayNeeds() {
        long before = System.currentTimeMillis() / 1000;
        String id = XrayIds.INSTANCE.generateTraceId();
        long after = System.currentTimeMillis() / 1000;

        assertThat(Long.parseLong(id.substring(0, 8), 16)).isBetween(before, after);
        assertThat(id).hasSize(32).matches("[0-9a-f]+");
        assertThat(new TraceContext(id, "53995c3f42cd8ad8", true).xrayHeader()).startsWith("Root=1-" + id.substring(0, 8) + "-");
    }
}
