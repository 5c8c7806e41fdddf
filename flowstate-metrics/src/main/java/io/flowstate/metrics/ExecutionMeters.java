package io.flowstate.metrics;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AWS's execution metrics (CloudWatch namespace {@code AWS/States}, dimension {@code StateMachineArn}) as
 * Prometheus counters and a histogram, each labelled {@code state_machine_arn}, {@code version} and
 * {@code alias} (empty when the execution was not started through one), and the engine's transitions and open
 * executions. Fed with each decision's events.
 */
final class ExecutionMeters {
    private final MeterRegistry registry;
    private final AtomicLong open = new AtomicLong();
    private final Counter transitions;

    ExecutionMeters(MeterRegistry registry) {
        this.registry = registry;
        this.transitions = Counter.builder("flowstate.state.transitions")
                .description("States entered, every execution (AWS bills and meters these as state transitions)")
                .register(registry);
        registry.gauge("flowstate.executions.open", Tags.empty(), open);
    }

    void event(ExecutionInfo info, HistoryEvent e) {
        switch (e.type()) {
            case EXECUTION_STARTED -> {
                open.incrementAndGet();
                count(info, "started", "ExecutionsStarted");
            }
            case EXECUTION_REDRIVEN -> {
                open.incrementAndGet();
                count(info, "redriven", "ExecutionsRedriven");
            }
            case EXECUTION_SUCCEEDED -> ended(info, e, "succeeded", "ExecutionsSucceeded");
            case EXECUTION_FAILED -> ended(info, e, "failed", "ExecutionsFailed");
            case EXECUTION_ABORTED -> ended(info, e, "aborted", "ExecutionsAborted");
            case EXECUTION_TIMED_OUT -> ended(info, e, "timed_out", "ExecutionsTimedOut");
            default -> {
                if (e.type().awsName().endsWith("StateEntered")) {
                    transitions.increment();
                }
            }
        }
    }

    private void ended(ExecutionInfo info, HistoryEvent e, String outcome, String awsName) {
        open.decrementAndGet();
        count(info, outcome, awsName);
        Timer.builder("flowstate.execution.time")
                .description("AWS CloudWatch metric ExecutionTime: from the start of an execution to its end")
                .tags(tags(info)).publishPercentileHistogram().register(registry)
                .record(Duration.between(info.startTime(), e.timestamp()));
    }

    private void count(ExecutionInfo info, String outcome, String awsName) {
        Counter.builder("flowstate.executions." + outcome)
                .description("AWS CloudWatch metric " + awsName)
                .tags(tags(info)).register(registry).increment();
    }

    private static Tags tags(ExecutionInfo info) {
        return Tags.of("state_machine_arn", info.stateMachineArn(),
                "version", info.stateMachineVersionArn().orElse(""),
                "alias", info.stateMachineAliasArn().orElse(""));
    }
}
