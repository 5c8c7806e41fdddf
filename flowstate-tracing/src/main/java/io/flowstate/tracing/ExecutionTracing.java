package io.flowstate.tracing;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.HistoryListener;
import io.opentelemetry.api.common.AttributeKey;
import io.flowstate.engine.task.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry spans made from each execution's history after each commit: one span per execution, one per
 * state entered (inside the Map or Parallel state it runs in), one per Task call (Lambda, activity or service
 * integration), with the history's own timestamps. Failures mark their spans with an error status and the
 * error name. Nothing here is on an execution's path: a tracing problem never fails one. An execution started
 * with an X-Ray {@code traceHeader} continues that trace, its span a child of the header's {@code Parent}; the
 * Task calls' span contexts are handed to the task handler ({@link #taskContext}, {@link TracedTasks}) so that
 * the calls carry them on.
 */
public final class ExecutionTracing implements HistoryListener {
    static final AttributeKey<String> EXECUTION_ARN = AttributeKey.stringKey("aws.step_functions.execution_arn");
    static final AttributeKey<String> STATE_MACHINE_ARN = AttributeKey.stringKey("aws.step_functions.state_machine_arn");
    static final AttributeKey<String> STATE_TYPE = AttributeKey.stringKey("aws.step_functions.state_type");
    static final AttributeKey<String> RESOURCE = AttributeKey.stringKey("aws.step_functions.resource");
    static final AttributeKey<String> ERROR = AttributeKey.stringKey("aws.step_functions.error");
    /** Set on the span of an execution this process took over mid-way: its earlier states are not in the trace. */
    static final AttributeKey<Boolean> RESUMED = AttributeKey.booleanKey("aws.step_functions.resumed");

    private final Tracer tracer;
    private final Map<String, SpanTree> open = new ConcurrentHashMap<>();

    public ExecutionTracing(Tracer tracer) {
        this.tracer = requireNonNull(tracer, "tracer is null");
    }

    @Override
    public void appended(ExecutionInfo info, int redriveCount, List<HistoryEvent> events, PayloadWriter payloads) {
        for (HistoryEvent e : events) {
            event(info, e);
        }
    }

    private void event(ExecutionInfo info, HistoryEvent e) {
        String type = e.type().awsName();
        if (type.equals("ExecutionStarted") || type.equals("ExecutionRedriven")) {
            open.put(info.executionArn(), begin(info, e.timestamp(), e.id(), false));
            return;
        }
        SpanTree tree = open.get(info.executionArn());
        if (tree == null) {
            // Started before this process (resumed after a restart, or by another node before a failover): traced
            // from here on, in a span from its start time; the states it entered before are not in it.
            tree = begin(info, info.startTime(), -1, true);
            open.put(info.executionArn(), tree);
        }
        SpanTree.Node at = tree.at(e.previousEventId());
        if (type.startsWith("Execution")) {
            // Succeeded, Failed, TimedOut, Aborted: whatever is still open ends with it.
            fail(tree.root.span(), e);
            for (SpanTree.Node n : List.copyOf(tree.unended).reversed()) {
                tree.ended(n, nanos(e.timestamp()));
            }
            tree.root.span().end(nanos(e.timestamp()), TimeUnit.NANOSECONDS);
            open.remove(info.executionArn());
        } else if (type.endsWith("StateEntered")) {
            EventDetails.StateEntered d = (EventDetails.StateEntered) e.details();
            tree.opened(e.id(), new SpanTree.Node(child(at, d.name(), e).setAttribute(STATE_TYPE,
                    type.substring(0, type.length() - "StateEntered".length())).startSpan(), at, d.name()));
        } else if (type.endsWith("Scheduled") && !type.equals("MapRunScheduled")) {
            Span call = child(at, "Task " + resource(e), e).setAttribute(RESOURCE, resource(e)).startSpan();
            tree.opened(e.id(), new SpanTree.Node(call, at));
            tree.scheduled(at.state(), call);
        } else if ((closesTask(type) || type.endsWith("StateExited") || type.endsWith("StateAborted"))
                && at.parent() != null) {
            fail(at.span(), e);
            tree.ended(at, nanos(e.timestamp()));
            tree.set(e.id(), at.parent());
        } else {
            if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                fail(at.span(), e);
            }
            tree.set(e.id(), at);
        }
    }

    /**
     * The execution's span, started at {@code at}: StartExecution's X-Ray traceHeader names the caller's span, and
     * the execution continues that trace under it.
     */
    private SpanTree begin(ExecutionInfo info, Instant at, long startedEventId, boolean resumed) {
        SpanBuilder builder = tracer.spanBuilder("Execution " + info.stateMachineName());
        Optional<TraceContext> caller = info.traceHeader().flatMap(TraceContext::fromXray);
        if (caller.isPresent()) {
            builder.setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                    caller.get().traceId(), caller.get().spanId(),
                    caller.get().sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                    TraceState.getDefault()))));
        } else {
            builder.setNoParent();
        }
        builder.setStartTimestamp(nanos(at), TimeUnit.NANOSECONDS)
                .setAttribute(EXECUTION_ARN, info.executionArn())
                .setAttribute(STATE_MACHINE_ARN, info.stateMachineArn());
        if (resumed) {
            builder.setAttribute(RESUMED, true);
        }
        return new SpanTree(builder.startSpan(), startedEventId);
    }

    /**
     * The trace context of the Task call of {@code stateName} in {@code executionArn} about to be made: its span's,
     * which this listener opened when the call was scheduled (listeners hear a decision before its calls are
     * made). Each call claims one span, the oldest of its state; empty when the execution is not traced.
     */
    public Optional<TraceContext> taskContext(String executionArn, String stateName) {
        SpanTree tree = open.get(executionArn);
        Span span = tree == null ? null : tree.claim(stateName);
        if (span == null || !span.getSpanContext().isValid()) {
            return Optional.empty();
        }
        SpanContext c = span.getSpanContext();
        return Optional.of(new TraceContext(c.getTraceId(), c.getSpanId(), c.isSampled()));
    }

    private SpanBuilder child(SpanTree.Node parent, String name, HistoryEvent e) {
        return tracer.spanBuilder(name).setParent(Context.root().with(parent.span()))
                .setStartTimestamp(nanos(e.timestamp()), TimeUnit.NANOSECONDS);
    }

    private static boolean closesTask(String type) {
        return (type.startsWith("Task") || type.startsWith("LambdaFunction") || type.startsWith("Activity"))
                && (type.endsWith("Succeeded") || type.endsWith("Failed") || type.endsWith("TimedOut")
                || type.endsWith("StartFailed") || type.endsWith("ScheduleFailed") || type.endsWith("SubmitFailed"))
                && !type.startsWith("TaskState");
    }

    private static void fail(Span span, HistoryEvent e) {
        if (e.details() instanceof EventDetails.Failure f && f.error().isPresent()) {
            span.setStatus(StatusCode.ERROR, f.error().get());
            span.setAttribute(ERROR, f.error().get());
        } else if (e.details() instanceof EventDetails.TaskFailure f && f.error().isPresent()) {
            span.setStatus(StatusCode.ERROR, f.error().get());
            span.setAttribute(ERROR, f.error().get());
        } else if (e.type().awsName().endsWith("Failed") || e.type().awsName().endsWith("TimedOut")) {
            span.setStatus(StatusCode.ERROR, e.type().awsName());
        }
    }

    private static String resource(HistoryEvent e) {
        return switch (e.details()) {
            case EventDetails.Scheduled s -> s.resource();
            case EventDetails.TaskScheduled s -> "arn:aws:states:::" + s.resourceType() + ":" + s.resource();
            default -> e.type().awsName();
        };
    }

    private static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }
}
