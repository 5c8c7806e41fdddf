package io.flowstate.testing;

import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task tokens of one execution that the test may answer: callbacks that were submitted and activities that
 * no bound handler took. Entries stay after their task ended, so that a late answer gets a clear message rather
 * than "unknown token".
 */
final class Tokens {
    /** A task that waits for the test, and its task id in the interpreter. */
    record Waiting(long taskId, PendingTask task) {}

    private final Map<String, Waiting> byToken = new LinkedHashMap<>();
    private final Set<Long> startedActivities = new HashSet<>();

    /** Registers {@code call} as waiting for the test. */
    void await(Effect.InvokeTask call, PendingTask.Kind kind) {
        String token = call.taskToken().orElseThrow(() -> new IllegalStateException(
                "state '" + call.stateName() + "' waits for a token but was given none"));
        byToken.put(token, new Waiting(call.taskId(),
                new PendingTask(call.stateName(), call.resource(), call.input(), token, kind)));
    }

    /** The tasks that still wait in {@code exec}, in the order they began to wait. */
    List<PendingTask> pending(Execution exec) {
        return byToken.values().stream().filter(w -> exec.isTaskPending(w.taskId())).map(Waiting::task).toList();
    }

    /** The task {@code token} answers; it must still wait in {@code exec}. */
    Waiting waiting(String token, Execution exec) {
        Waiting w = byToken.get(token);
        if (w == null) {
            throw new IllegalArgumentException("no task of this execution waits for token '" + token
                    + "'; waiting now: " + pending(exec));
        }
        if (!exec.isTaskPending(w.taskId())) {
            throw new IllegalStateException("the task of state '" + w.task().stateName() + "' no longer waits for "
                    + "its token: it timed out, was answered already, or the execution ended");
        }
        return w;
    }

    /** Marks an activity task as taken by a worker; false when it was already. */
    boolean start(long taskId) {
        return startedActivities.add(taskId);
    }
}
