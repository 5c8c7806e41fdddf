package io.flowstate.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Ready-made task handlers: in-process Java functions bound to resource ARNs, and a refusing fallback. */
public final class TaskHandlers {
    private TaskHandlers() {}

    /** Calls the handler bound to the invocation's resource, else {@code fallback}. */
    public static TaskHandler byResource(Map<String, TaskHandler> handlers, TaskHandler fallback) {
        Map<String, TaskHandler> copy = Map.copyOf(handlers);
        return inv -> copy.getOrDefault(inv.resource(), fallback).invoke(inv);
    }

    /** A handler that returns {@code fn(input)}; an exception it throws becomes a failure named after its class. */
    public static TaskHandler function(UnaryOperator<JsonNode> fn) {
        return inv -> {
            try {
                return new TaskOutcome.Success(fn.apply(inv.input()));
            } catch (RuntimeException e) {
                return TaskOutcome.Failure.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        };
    }

    /**
     * Fails every call with {@code States.TaskFailed}, naming the resource: what a run gets for a resource
     * nothing is bound to (no mock, no in-process function, no integration).
     */
    public static TaskHandler unbound() {
        return inv -> TaskOutcome.Failure.of("States.TaskFailed", "No task handler is bound to resource '"
                + inv.resource() + "' (state '" + inv.stateName() + "'): Flowstate does not call this integration "
                + "itself; give a mock with --mock-config, route it with --integrations (an endpoint, an HTTP URL or a "
                + "local command), or bind an in-process handler.");
    }
}
