package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.RunMode;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The imperative shell around the {@link Interpreter} for long-running use (the API server, embedding):
 * keeps running executions in memory, applies triggers one at a time per execution, commits each decision to
 * the {@link ExecutionStore}, calls task handlers on virtual threads, runs timers on a {@link TimerService},
 * and hands activity tasks to pollers. The first decision runs in the caller's thread, so an execution of
 * Pass/Choice states is complete when {@link #start} returns.
 *
 * <p>Standard and Express executions may live in different stores: Express executions stay off the durable
 * store's hot path (they are at-least-once and AWS keeps no history of them), Standard ones commit each
 * decision to it and are resumed by {@link #recover} after a restart.
 *
 * <p><b>Several engines on one store</b> (see {@link Cluster}): each engine runs only the executions it owns.
 * A trigger for one it does not run (a task token, StopExecution, an activity task handed out here) goes to
 * its owner through the cluster. When a commit is refused ({@link VersionConflictException}: another engine
 * took the execution over, or its lease lapsed), the copy in memory is dropped, since the interpreter already
 * advanced it; if this engine still owns the execution it is rebuilt from the store, else the trigger is
 * forwarded to the new owner. Nothing is lost either way: the store holds every committed decision.
 */
public final class Engine implements AutoCloseable {
    private final ExecutionStore standard;
    private final ExecutionStore express;
    private final TimerService timers;
    private final Runner runner;
    /** The executions this engine runs (the runner's). */
    private final Map<String, LiveExecution> live;
    /** The exact payload writers of recently ended executions, for reading their history (each keeps its input). */
    private final RecentEntries<PayloadWriter> recentPayloads = new RecentEntries<>(10_000);
    private final Cluster cluster;

    /** An engine keeping Standard and Express executions in one store. */
    public Engine(ExecutionStore store, TaskHandler tasks, TimerService timers) {
        this(store, store, tasks, timers);
    }

    /**
     * An engine keeping Standard executions in {@code standard} (durable, resumed by {@link #recover}) and
     * Express executions in {@code express} (usually an {@link InMemoryExecutionStore}).
     */
    public Engine(ExecutionStore standard, ExecutionStore express, TaskHandler tasks, TimerService timers) {
        this(standard, express, tasks, timers, new SingleNode(standard));
    }

    /**
     * An engine sharing the Standard executions of {@code standard} with the other members of {@code cluster};
     * {@link #recover} resumes the executions the cluster gives it and then joins the cluster.
     */
    public Engine(ExecutionStore standard, ExecutionStore express, TaskHandler tasks, TimerService timers, Cluster cluster) {
        this.standard = requireNonNull(standard, "standard is null");
        this.express = requireNonNull(express, "express is null");
        this.timers = requireNonNull(timers, "timers is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.runner = new Runner(standard, requireNonNull(tasks, "tasks is null"), timers, cluster, recentPayloads::put);
        this.live = runner.live;
    }

    /**
     * Tells {@code listener} of every decision's events from now on (execution logging); replaces the one set
     * before. {@link HistoryListener#NONE} turns it off.
     */
    public void historyListener(HistoryListener listener) {
        runner.listener(listener);
    }

    /**
     * How to tell whether an activity exists (the API's registry): a task of one that does not fails its
     * execution with {@code States.Runtime}, as AWS does, instead of waiting for a worker.
     */
    public void activityCheck(java.util.function.Predicate<String> exists) {
        runner.activityExists = java.util.Objects.requireNonNull(exists, "exists is null");
    }

    /** The clock executions run on. */
    public Instant now() {
        return timers.clock().instant();
    }

    /**
     * Starts an execution ({@code type} STANDARD or EXPRESS) and runs it as far as it goes without waiting.
     * Returns empty when an execution with the same ARN exists already.
     */
    public Optional<ExecutionSummary> start(StateMachine machine, ExecutionInfo info, String type) {
        return start(machine, "", info, type);
    }

    /**
     * Starts an execution of {@code machine}, whose definition text is kept with it so that a durable store
     * can rebuild it after a restart; see {@link #start(StateMachine, ExecutionInfo, String)}.
     */
    public Optional<ExecutionSummary> start(StateMachine machine, String definition, ExecutionInfo info, String type) {
        // EXPRESS_SYNC: an Express execution whose caller waits (StartSyncExecution); AWS shows it a little differently.
        boolean sync = "EXPRESS_SYNC".equals(type);
        if (sync) {
            type = "EXPRESS";
        }
        Interpreter.Started started = Interpreter.start(machine, info, info.startTime(), new RunMode(false, sync));
        ExecutionStore store = "EXPRESS".equals(type) ? express : standard;
        LiveExecution l = new LiveExecution(started.execution(), type, info.inputText().orElseGet(() -> Json.write(info.input())), store);
        ExecutionSummary summary;
        l.lock.lock();
        try {
            summary = runner.summary(l);
            if (!store.create(summary, new StartRecord(definition, type, info), started.decision().events())) {
                return Optional.empty();
            }
            l.committed = summary;
            live.put(info.executionArn(), l);
            runner.committed(l, started.decision().events());
        } finally {
            l.lock.unlock();
        }
        runner.effects(l, started.decision());
        // What was created, rather than a read of it back: the store holds exactly this summary.
        return Optional.of(summary);
    }

    /** Completes when the execution has ended (at once if it has). */
    public CompletableFuture<ExecutionSummary> completion(String executionArn) {
        LiveExecution l = live.get(executionArn);
        if (l != null) {
            return l.done;
        }
        ExecutionSummary ended = runner.recentEnds.get(executionArn);
        if (ended != null) {
            return CompletableFuture.completedFuture(ended);
        }
        return storeOf(executionArn).find(executionArn).filter(s -> s.status() != ExecutionStatus.RUNNING)
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalArgumentException("no execution " + executionArn)));
    }

    /** The summary as stored. */
    public Optional<ExecutionSummary> describe(String executionArn) {
        return storeOf(executionArn).find(executionArn);
    }

    /** One page of ListExecutions over the Standard executions; see {@link ExecutionStore#list(ExecutionQuery)}. */
    public ExecutionPage list(ExecutionQuery query) {
        return standard.list(query);
    }

    /** Up to {@code max} history events after {@code afterEventId}. */
    public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
        return storeOf(executionArn).history(executionArn, afterEventId, max);
    }

    /** The store that holds {@code executionArn}: its live one, else Express's when it knows it, else Standard's. */
    private ExecutionStore storeOf(String executionArn) {
        LiveExecution l = live.get(executionArn);
        if (l != null) {
            return l.store;
        }
        return express != standard && express.find(executionArn).isPresent() ? express : standard;
    }

    /**
     * Resumes, after a restart, every RUNNING execution of the Standard store that this engine does not run
     * yet (of those its {@link Cluster} gives it: all of them when it is alone): rebuilds it by {@link Replay}
     * from its start record and journal, schedules its pending timers again at their original due times (those
     * past due fire at once), and invokes again every task whose result had not committed. Then joins the
     * cluster, which from then on hands it the executions it takes over from stopped engines.
     *
     * <p><b>The in-flight task rule.</b> A task invocation that was running when the process stopped is invoked
     * again, once, with the same input, state, attempt number and task token: task invocations are
     * at-least-once, as AWS's are (its integrations and Lambda may run a call more than once and ask tasks to
     * be idempotent). Nothing is added to the history for it and no Retry attempt is used, so the execution's
     * history is the one an uninterrupted run would have written; its timeout and heartbeat timers keep their
     * original deadlines. An activity task goes back on its activity's queue, and a worker that took it before
     * the restart can still answer with its token; a {@code .waitForTaskToken} call is made again with the
     * same token, and whichever answer comes first wins. A result that arrives from the invocation before the
     * restart is lost with the process; a late answer to a task that completed meanwhile is ignored.
     *
     * @return the number of executions resumed
     * @throws IllegalStateException naming the executions that could not be rebuilt (their definition no
     *     longer parses, or replay does not reach their stored last event id); the others are resumed first
     */
    public int recover() {
        List<String> failed = new java.util.ArrayList<>();
        int resumed = runner.resume(cluster.claimAtStart(), failed);
        cluster.join(runner.new Member());
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot resume " + failed.size() + " execution(s): " + String.join(", ", failed));
        }
        return resumed;
    }

    /**
     * Applies {@code use} to the writer of the execution's history payloads (the client's original text for
     * values that passed through unchanged; compact JSON for the rest, and for executions this engine does not
     * know). The writer reads the running execution's state, so it is only lent under the execution's lock.
     */
    public <T> T withPayloadWriter(String executionArn, Function<PayloadWriter, T> use) {
        LiveExecution l = live.get(executionArn);
        if (l != null) {
            l.lock.lock();
            try {
                return use.apply(l.exec.payloadWriter());
            } finally {
                l.lock.unlock();
            }
        }
        PayloadWriter recent = recentPayloads.get(executionArn);
        if (recent != null) {
            return use.apply(recent);
        }
        // An execution no longer in memory (long ended, or from before a restart): its input text is in its summary.
        Optional<ExecutionSummary> s = describe(executionArn);
        return use.apply(s.map(summary -> PayloadWriter.preservingInput(summary.inputText())).orElse(PayloadWriter.COMPACT));
    }

    /**
     * Retention: deletes up to {@code max} Standard executions that ended before {@code cutoff}, oldest first,
     * with their history; returns their ARNs. Running executions are never touched.
     */
    public List<String> deleteClosedBefore(Instant cutoff, int max) {
        List<String> deleted = standard.deleteClosedBefore(cutoff, max);
        deleted.forEach(recentPayloads::remove);
        deleted.forEach(runner.recentEnds::remove);
        if (!deleted.isEmpty()) {
            cluster.forget(deleted);
        }
        return deleted;
    }

    /** StopExecution; false when the execution is not running. Any engine of a cluster may be asked. */
    public boolean stop(String executionArn, Optional<String> error, Optional<String> cause) {
        return runner.route(executionArn, new Trigger.Stop(error, cause)) == TokenOutcome.ACCEPTED;
    }

    /**
     * RedriveExecution of a Standard execution of {@code machine} (the definition it ran) that ended FAILED,
     * TIMED_OUT or ABORTED: rebuilds it from the store by {@link Replay}, applies {@link Trigger.Redrive} and
     * runs it on as if it had never ended. Returns the redrive date; empty when the execution is unknown,
     * Express, running, succeeded, or redriven meanwhile by another caller. The caller checks AWS's other
     * rules (the 14 days) and names why an execution is not redrivable.
     */
    public Optional<Instant> redrive(String executionArn, StateMachine machine) {
        requireNonNull(machine, "machine is null");
        if (live.containsKey(executionArn)) {
            return Optional.empty();
        }
        Optional<StartRecord> start = standard.start(executionArn);
        Optional<ExecutionSummary> summary = standard.find(executionArn);
        if (start.isEmpty() || summary.isEmpty() || !"STANDARD".equals(start.get().type())) {
            return Optional.empty();
        }
        Replay.Replayed r = runner.rebuilder().rebuild(executionArn, machine, start.get(), summary.get());
        LiveExecution l = new LiveExecution(r.execution(), start.get().type(), summary.get().inputText(), standard);
        Decision d;
        Instant at;
        l.lock.lock();
        try {
            // Registered before the commit so that a trigger from the redriven run waits for the lock, not misses.
            if (live.putIfAbsent(executionArn, l) != null) {
                return Optional.empty();
            }
            runner.recentEnds.remove(executionArn);
            long before = l.exec.lastEventId();
            at = now();
            Trigger redrive = new Trigger.Redrive();
            d = Interpreter.advance(l.exec, redrive, at);
            if (d.events().isEmpty()) {
                live.remove(executionArn, l);
                return Optional.empty();
            }
            try {
                ExecutionSummary redriven = runner.summary(l);
                l.store.commit(redriven, before, d.events(), new JournalEntry(before, at, redrive));
                l.committed = redriven;
                runner.committed(l, d.events());
            } catch (VersionConflictException e) {
                live.remove(executionArn, l);
                return Optional.empty();
            }
        } finally {
            l.lock.unlock();
        }
        runner.effects(l, d);
        return Optional.of(at);
    }

    /**
     * A change to a Map Run of a running execution ({@link Trigger.UpdateMapRun}, {@link Trigger.StopChild} of one
     * of its children): journaled like any trigger, so it survives a restart; applied by the node that runs the
     * execution. False when the execution is not running.
     */
    public boolean mapRunChange(String executionArn, Trigger change) {
        return runner.route(executionArn, change) == TokenOutcome.ACCEPTED;
    }

    /**
     * Applies {@code view} to the interpreter state of a Standard execution: the running one under its lock,
     * else one rebuilt from the store by {@link Replay} with {@code machine}, the definition it ran. Empty
     * when the execution is unknown. {@code view} must copy what it keeps: the state goes on changing.
     */
    public <T> Optional<T> inspect(String executionArn, StateMachine machine, Function<Execution, T> view) {
        LiveExecution l = runner.live.get(executionArn);
        if (l != null) {
            l.lock.lock();
            try {
                return Optional.of(view.apply(l.exec));
            } finally {
                l.lock.unlock();
            }
        }
        return rebuilt(executionArn, machine, false).map(view);
    }

    /**
     * The execution rebuilt from its journal with its Distributed Map children's histories
     * ({@link Execution#childHistory}), seen through {@code view}; empty for an execution this engine does not
     * keep durably (Express). Costs a replay of the whole execution.
     */
    public <T> Optional<T> inspectWithChildren(String executionArn, StateMachine machine, Function<Execution, T> view) {
        return rebuilt(executionArn, machine, true).map(view);
    }

    private Optional<Execution> rebuilt(String executionArn, StateMachine machine, boolean captureChildren) {
        return standard.start(executionArn).map(start -> Replay.replay(machine, start.info(),
                standard.journal(executionArn), captureChildren).execution());
    }

    /** SendTaskSuccess. */
    public TokenOutcome taskSucceeded(String token, JsonNode output) {
        return runner.withToken(token, ref -> new Trigger.TaskSucceeded(ref.taskId(), output));
    }

    /** SendTaskFailure. */
    public TokenOutcome taskFailed(String token, String error, Optional<String> cause) {
        return runner.withToken(token, ref -> new Trigger.TaskFailed(ref.taskId(), error, cause));
    }

    /** SendTaskHeartbeat. */
    public TokenOutcome taskHeartbeat(String token) {
        return runner.withToken(token, ref -> new Trigger.TaskHeartbeat(ref.taskId()));
    }

    /**
     * GetActivityTask: the next task scheduled for {@code activityArn}, waiting up to {@code maxWait}; empty when
     * none came in time. Waits on the calling (virtual) thread.
     */
    public Optional<ActivityTask> pollActivity(String activityArn, Duration maxWait) throws InterruptedException {
        return pollActivity(activityArn, Optional.empty(), maxWait);
    }

    /**
     * GetActivityTask by the worker {@code workerName}: as {@link #pollActivity(String, Duration)}, and the task
     * handed out is started ({@code ActivityStarted} names the worker).
     */
    public Optional<ActivityTask> pollActivity(String activityArn, Optional<String> workerName, Duration maxWait)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<ActivityTask> task = cluster.takeActivity(activityArn, left);
            if (task.isEmpty()) {
                return Optional.empty();
            }
            // A task whose state timed out or whose execution ended meanwhile is skipped, not handed out.
            if (runner.withToken(task.get().taskToken(), ref -> new Trigger.TaskStarted(ref.taskId(), workerName))
                    == TokenOutcome.ACCEPTED) {
                return task;
            }
        }
    }

    @Override
    public void close() {
        cluster.close();
        timers.close();
    }

}
