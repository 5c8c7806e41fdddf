package io.flowstate.tracing;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;

/**
 * Task calls made inside their span: each invocation is given the trace context of the Task span
 * {@link ExecutionTracing} opened for it, which the integrations pass on (X-Ray's header to Lambda, W3C
 * {@code traceparent} to an HTTP Task's API, {@code traceHeader} to a nested StartExecution).
 */
public final class TracedTasks implements TaskHandler {
    private final TaskHandler inner;
    private final ExecutionTracing tracing;

    public TracedTasks(TaskHandler inner, ExecutionTracing tracing) {
        this.inner = requireNonNull(inner, "inner is null");
        this.tracing = requireNonNull(tracing, "tracing is null");
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        return inner.invoke(inv.trace().isPresent() ? inv
                : inv.withTrace(tracing.taskContext(inv.executionArn(), inv.stateName())));
    }
}
