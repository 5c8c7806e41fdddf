package io.flowstate.tracing;

import io.flowstate.engine.runtime.HistoryListener;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.Optional;

/**
 * Flowstate's traces, configured by OpenTelemetry's standard variables: on when {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is set, exported over OTLP/HTTP (protobuf; {@code grpc} is not
 * offered) as the other {@code OTEL_*} variables say; the service is named {@code flowstate} unless
 * {@code OTEL_SERVICE_NAME} says otherwise. Only traces: metrics are Prometheus's ({@code GET /metrics}). Trace ids
 * begin with their start time, as X-Ray's do ({@link XrayIds}).
 */
public final class Tracing implements AutoCloseable {
    private final OpenTelemetrySdk sdk;
    private final ExecutionTracing listener;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
        this.listener = new ExecutionTracing(sdk.getTracer("io.flowstate"));
    }

    /** Tracing as {@code environment} configures it; empty when no OTLP endpoint is set. */
    public static Optional<Tracing> fromEnvironment(Map<String, String> environment) {
        if (!environment.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                && !environment.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
            return Optional.empty();
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none",
                        "otel.service.name", environment.getOrDefault("OTEL_SERVICE_NAME", "flowstate"),
                        // OTLP over HTTP (the JDK's client); the SDK would otherwise default to gRPC.
                        "otel.exporter.otlp.protocol", environment.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL",
                                "http/protobuf")))
                .addTracerProviderCustomizer((b, config) -> b.setIdGenerator(XrayIds.INSTANCE))
                .setResultAsGlobal().build().getOpenTelemetrySdk();
        return Optional.of(new Tracing(sdk));
    }

    /** The history listener that makes the spans. */
    public HistoryListener listener() {
        return listener;
    }

    /** Where spans go, for the start line. */
    public static String describe(Map<String, String> environment) {
        return environment.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                environment.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "nowhere"));
    }

    /** {@code tasks} with each call given its Task span's trace context, to pass on. */
    public io.flowstate.engine.task.TaskHandler tasks(io.flowstate.engine.task.TaskHandler tasks) {
        return new TracedTasks(tasks, listener);
    }

    /** Exports what is pending and stops. */
    @Override
    public void close() {
        sdk.close();
    }
}
