package io.flowstate.metrics;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.runtime.HistoryListener;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Handler;

/**
 * Flowstate's metrics in the Prometheus text format: AWS's execution, Lambda, activity and service-integration
 * metrics (the CloudWatch name of each in its HELP text), state transitions, open executions and the JVM's own.
 * The executions are heard through {@link #listener()}, after each decision's commit; {@link #route()} serves
 * {@code GET /metrics} beside the API. Counting is in memory and per process (a cluster is scraped per node).
 */
public final class FlowstateMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExecutionMeters executions = new ExecutionMeters(registry);
    private final TaskMeters tasks = new TaskMeters(registry);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public FlowstateMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The engine's history listener that feeds the metrics; cheap, it never fails an execution. */
    public HistoryListener listener() {
        return (info, redriveCount, events, payloads) -> {
            for (HistoryEvent e : events) {
                executions.event(info, e);
                tasks.event(info.executionArn(), e);
            }
        };
    }

    /** Every metric, in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The Jetty route of {@code GET /metrics}; it declines every other request. */
    public Handler route() {
        return new MetricsRoute(this);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
