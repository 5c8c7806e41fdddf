package io.flowstate.engine.runtime;

import io.flowstate.engine.interp.Trigger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The other {@link Engine}s an engine shares its Standard executions with, or none. Each running execution is
 * owned by one engine, the only one that keeps it in memory, applies its triggers, runs its timers and invokes
 * its tasks; the others reach it through this interface:
 *
 * <ul>
 *   <li>task tokens resolve to their execution on every engine ({@link #tokenIssued}, {@link #token});
 *   <li>activity tasks go on a queue every engine's GetActivityTask polls ({@link #offerActivity},
 *       {@link #takeActivity});
 *   <li>a trigger for an execution another engine owns (SendTask*, StopExecution, an activity task started)
 *       is forwarded to its owner, which answers how it went ({@link #forward});
 *   <li>which executions this engine resumes at start ({@link #claimAtStart}) and, while it runs, takes over
 *       from engines that stopped ({@link #join}).
 * </ul>
 *
 * <p>{@link SingleNode} is the engine alone (in memory, SQLite): it owns every execution. The PostgreSQL store
 * provides one for several server processes on one database.
 */
public interface Cluster extends AutoCloseable {
    /** What an engine lets its cluster do to it: run executions it takes over, apply forwarded triggers. */
    interface Member {
        /** Rebuilds and runs executions this engine now owns; returns how many it resumed. */
        int adopt(Collection<String> executionArns);

        /**
         * Applies a trigger forwarded by another engine to an execution this engine owns: ACCEPTED when applied,
         * TASK_GONE when the execution (or its task) no longer waits for it.
         */
        TokenOutcome deliver(String executionArn, Trigger trigger);

        /** The Standard executions this engine runs now. */
        java.util.Set<String> running();

        /**
         * Drops this engine's copies of executions another engine owns now (this one's lease lapsed and they
         * were taken over): they would only be refused at their next commit, and hold memory and timers until.
         */
        void disown(Collection<String> executionArns);
    }

    /** This engine's id among its peers. */
    String nodeId();

    /** The RUNNING executions this engine is to resume when it starts, now owned by it. */
    List<String> claimAtStart();

    /** Starts the cluster's background work for {@code member} (takeover, forwarded triggers); once. */
    void join(Member member);

    /** Whether this engine still owns {@code executionArn} (after a commit was refused, say). */
    boolean owns(String executionArn);

    /** Records that {@code token} completes {@code ref}, so that any engine can resolve it. */
    void tokenIssued(String token, TaskRef ref);

    /** The task {@code token} completes, if any engine issued it. */
    Optional<TaskRef> token(String token);

    /** Puts a task on {@code activityArn}'s queue for the next GetActivityTask of any engine. */
    void offerActivity(String activityArn, ActivityTask task);

    /**
     * The next task on {@code activityArn}'s queue, waiting up to {@code maxWait} on the calling (virtual)
     * thread; empty when none came in time. The task is removed from the queue.
     */
    Optional<ActivityTask> takeActivity(String activityArn, Duration maxWait) throws InterruptedException;

    /**
     * Forwards {@code trigger} to the engine that owns {@code executionArn} and returns its answer; TASK_GONE
     * when no engine runs the execution.
     */
    TokenOutcome forward(String executionArn, Trigger trigger);

    /**
     * Calls {@code listener} with (kind, key) of each registry document a member changes (this one included),
     * soon after the change commits, so that caches of the registry can be refreshed; with ("", "") when
     * changes may have been missed (a lost connection), meaning that anything may have changed.
     */
    void onRegistryChange(java.util.function.BiConsumer<String, String> listener);

    /** Forgets what it keeps for executions deleted by retention (their tokens). */
    void forget(Collection<String> executionArns);

    /** Stops the background work; the executions this engine owned are left for the others to take over. */
    @Override
    void close();
}
