package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.Trigger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Cluster} of one engine: it owns every execution of its store, so tokens and activity queues are
 * maps in memory and nothing is ever forwarded (an execution this engine does not run has ended). For the
 * in-memory store and SQLite, which one process uses at a time.
 */
public final class SingleNode implements Cluster {
    private final ExecutionStore store;
    private final Map<String, TaskRef> tokens = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<ActivityTask>> queues = new ConcurrentHashMap<>();

    /** The engine alone on {@code store}. */
    public SingleNode(ExecutionStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public String nodeId() {
        return "single";
    }

    @Override
    public List<String> claimAtStart() {
        return store.running();
    }

    @Override
    public void join(Member member) {
        // Nobody else runs executions: nothing to take over, nothing forwarded.
    }

    @Override
    public boolean owns(String executionArn) {
        return true;
    }

    @Override
    public void tokenIssued(String token, TaskRef ref) {
        tokens.put(token, ref);
    }

    @Override
    public Optional<TaskRef> token(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public void offerActivity(String activityArn, ActivityTask task) {
        queue(activityArn).add(task);
    }

    @Override
    public Optional<ActivityTask> takeActivity(String activityArn, Duration maxWait) throws InterruptedException {
        return Optional.ofNullable(queue(activityArn).poll(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS));
    }

    @Override
    public TokenOutcome forward(String executionArn, Trigger trigger) {
        return TokenOutcome.TASK_GONE;
    }

    @Override
    public void onRegistryChange(java.util.function.BiConsumer<String, String> listener) {
        // The registry's only writer is this process, whose caches are written through.
    }

    @Override
    public void forget(Collection<String> executionArns) {
        java.util.Set<String> gone = java.util.Set.copyOf(executionArns);
        tokens.values().removeIf(ref -> gone.contains(ref.executionArn()));
    }

    @Override
    public void close() {
        // nothing runs in the background
    }

    private BlockingQueue<ActivityTask> queue(String activityArn) {
        return queues.computeIfAbsent(activityArn, k -> new LinkedBlockingQueue<>());
    }
}
