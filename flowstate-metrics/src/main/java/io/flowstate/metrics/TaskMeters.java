package io.flowstate.metrics;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.HistoryEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's activity, Lambda and service-integration metrics: counts of scheduled, started, succeeded, failed and
 * timed-out calls, and their ScheduleTime (scheduled to started), RunTime (started to closed) and Time
 * (scheduled to closed). A call's events are chained by {@code previousEventId} (started follows scheduled, the
 * end follows started, or scheduled when it never started), which pairs them even when a Parallel or Map has
 * many calls in flight.
 */
final class TaskMeters {
    /**
     * How one kind of call's meters are named (counters in the plural, timers in the singular, as AWS names
     * them: LambdaFunctionsStarted, LambdaFunctionRunTime), and the label of its resource.
     */
    private record Kind(String counters, String timers, String awsPlural, String awsSingular, String label) {}

    private static final Kind LAMBDA = new Kind("flowstate.lambda.functions", "flowstate.lambda.function",
            "LambdaFunctions", "LambdaFunction", "lambda_function_arn");
    private static final Kind ACTIVITY = new Kind("flowstate.activities", "flowstate.activity", "Activities",
            "Activity", "activity_arn");
    private static final Kind SERVICE = new Kind("flowstate.service.integrations", "flowstate.service.integration",
            "ServiceIntegrations", "ServiceIntegration", "service_integration_resource_arn");

    /** A call in flight: its kind, resource, and when it was scheduled and started. */
    private record Pending(Kind kind, String resource, Instant scheduled, Instant started) {}

    private final MeterRegistry registry;
    /** Execution ARN -> event id of a call's latest event -> the call. */
    private final Map<String, Map<Long, Pending>> pending = new ConcurrentHashMap<>();

    TaskMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void event(String executionArn, HistoryEvent e) {
        switch (e.type()) {
            case LAMBDA_FUNCTION_SCHEDULED, ACTIVITY_SCHEDULED -> {
                EventDetails.Scheduled s = (EventDetails.Scheduled) e.details();
                scheduled(executionArn, e, e.type().awsName().startsWith("Lambda") ? LAMBDA : ACTIVITY, s.resource());
            }
            case TASK_SCHEDULED -> {
                EventDetails.TaskScheduled s = (EventDetails.TaskScheduled) e.details();
                scheduled(executionArn, e, SERVICE, "arn:aws:states:::" + s.resourceType() + ":" + s.resource());
            }
            case LAMBDA_FUNCTION_STARTED, ACTIVITY_STARTED, TASK_STARTED -> started(executionArn, e);
            case LAMBDA_FUNCTION_SUCCEEDED, ACTIVITY_SUCCEEDED, TASK_SUCCEEDED -> ended(executionArn, e, "succeeded");
            case LAMBDA_FUNCTION_FAILED, ACTIVITY_FAILED, TASK_FAILED, LAMBDA_FUNCTION_START_FAILED, TASK_START_FAILED,
                    TASK_SUBMIT_FAILED -> ended(executionArn, e, "failed");
            case LAMBDA_FUNCTION_TIMED_OUT, ACTIVITY_TIMED_OUT, TASK_TIMED_OUT -> ended(executionArn, e, "timed_out");
            case TASK_SUBMITTED -> moved(executionArn, e);
            case EXECUTION_SUCCEEDED, EXECUTION_FAILED, EXECUTION_ABORTED, EXECUTION_TIMED_OUT -> pending.remove(executionArn);
            default -> { }
        }
    }

    private void scheduled(String arn, HistoryEvent e, Kind kind, String resource) {
        count(kind, "scheduled", "Scheduled", resource);
        pending.computeIfAbsent(arn, k -> new HashMap<>()).put(e.id(), new Pending(kind, resource, e.timestamp(), null));
    }

    private void started(String arn, HistoryEvent e) {
        Pending p = take(arn, e.previousEventId());
        if (p == null) {
            return;
        }
        count(p.kind(), "started", "Started", p.resource());
        time(p.kind(), "schedule.time", "ScheduleTime", p.resource(), Duration.between(p.scheduled(), e.timestamp()));
        pending.computeIfAbsent(arn, k -> new HashMap<>()).put(e.id(),
                new Pending(p.kind(), p.resource(), p.scheduled(), e.timestamp()));
    }

    /** TaskSubmitted sits between a call's start and its end: the end then follows it. */
    private void moved(String arn, HistoryEvent e) {
        Pending p = take(arn, e.previousEventId());
        if (p != null) {
            pending.computeIfAbsent(arn, k -> new HashMap<>()).put(e.id(), p);
        }
    }

    private void ended(String arn, HistoryEvent e, String outcome) {
        Pending p = take(arn, e.previousEventId());
        if (p == null) {
            return;
        }
        count(p.kind(), outcome, outcome.equals("timed_out") ? "TimedOut" : capitalized(outcome), p.resource());
        if (p.started() != null) {
            time(p.kind(), "run.time", "RunTime", p.resource(), Duration.between(p.started(), e.timestamp()));
        }
        time(p.kind(), "time", "Time", p.resource(), Duration.between(p.scheduled(), e.timestamp()));
    }

    private Pending take(String arn, long id) {
        Map<Long, Pending> calls = pending.get(arn);
        return calls == null ? null : calls.remove(id);
    }

    private void count(Kind kind, String what, String awsWhat, String resource) {
        Counter.builder(kind.counters() + "." + what)
                .description("AWS CloudWatch metric " + kind.awsPlural() + awsWhat)
                .tag(kind.label(), resource).register(registry).increment();
    }

    private void time(Kind kind, String what, String awsWhat, String resource, Duration d) {
        Timer.builder(kind.timers() + "." + what)
                .description("AWS CloudWatch metric " + kind.awsSingular() + awsWhat)
                .tag(kind.label(), resource).register(registry).record(d.isNegative() ? Duration.ZERO : d);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
