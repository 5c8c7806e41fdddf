package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.StateFailure;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 */
public final class Engine implements AutoCloseable {
    /** A running execution: its interpreter state, guarded by a lock so triggers apply one at a time. */
    private static final class Live {
        final Execution exec;
        final String type;
        final String inputText;
        final ExecutionStore store;
        final ReentrantLock lock = new ReentrantLock();
        final CompletableFuture<ExecutionSummary> done = new CompletableFuture<>();
        /** The summary of the last commit, which is what the store holds; written under {@link #lock}. */
        volatile ExecutionSummary committed;

        Live(Execution exec, String type, String inputText, ExecutionStore store) {
            this.exec = exec;
            this.type = type;
            this.inputText = inputText;
            this.store = store;
        }
    }

    /** Which task a token completes. */
    private record TaskRef(String executionArn, long taskId) {}

    private final ExecutionStore standard;
    private final ExecutionStore express;
    private final TaskHandler tasks;
    private final TimerService timers;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    /**
     * The exact payload writers of recently ended executions, for their history; bounded, because each keeps
     * its execution's input. Older ones fall back to {@link PayloadWriter#preservingInput}.
     */
    private final Map<String, PayloadWriter> recentPayloads = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PayloadWriter> eldest) {
                    return size() > 10_000;
                }
            });
    /**
     * The ending summaries of the executions that ended last, so that waiting for an execution that ended
     * while it was being started (a chain of Pass states) costs no query. Small: a waiter asks right away.
     */
    private final Map<String, ExecutionSummary> recentEnds = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ExecutionSummary> eldest) {
                    return size() > 1_024;
                }
            });
    private final Map<String, TaskRef> tokens = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<ActivityTask>> activityQueues = new ConcurrentHashMap<>();

    /** An engine keeping Standard and Express executions in one store. */
    public Engine(ExecutionStore store, TaskHandler tasks, TimerService timers) {
        this(store, store, tasks, timers);
    }

    /**
     * An engine keeping Standard executions in {@code standard} (durable, resumed by {@link #recover}) and
     * Express executions in {@code express} (usually an {@link InMemoryExecutionStore}).
     */
    public Engine(ExecutionStore standard, ExecutionStore express, TaskHandler tasks, TimerService timers) {
        this.standard = requireNonNull(standard, "standard is null");
        this.express = requireNonNull(express, "express is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.timers = requireNonNull(timers, "timers is null");
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
        Interpreter.Started started = Interpreter.start(machine, info, info.startTime());
        ExecutionStore store = "EXPRESS".equals(type) ? express : standard;
        Live l = new Live(started.execution(), type, info.inputText().orElseGet(() -> Json.write(info.input())), store);
        l.lock.lock();
        try {
            ExecutionSummary summary = summary(l);
            if (!store.create(summary, new StartRecord(definition, type, info), started.decision().events())) {
                return Optional.empty();
            }
            l.committed = summary;
            live.put(info.executionArn(), l);
        } finally {
            l.lock.unlock();
        }
        effects(l, started.decision());
        // What was created, rather than a read of it back: the store holds exactly this summary.
        return Optional.of(l.committed);
    }

    /** Completes when the execution has ended (at once if it has). */
    public CompletableFuture<ExecutionSummary> completion(String executionArn) {
        Live l = live.get(executionArn);
        if (l != null) {
            return l.done;
        }
        ExecutionSummary ended = recentEnds.get(executionArn);
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

    /**
     * Summaries of the Standard executions of a state machine (all when empty), newest first. As on AWS,
     * ListExecutions does not list Express executions (unless one store holds both).
     */
    public List<ExecutionSummary> list(Optional<String> stateMachineArn) {
        return standard.list(stateMachineArn);
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
        Live l = live.get(executionArn);
        if (l != null) {
            return l.store;
        }
        return express != standard && express.find(executionArn).isPresent() ? express : standard;
    }

    /**
     * Resumes, after a restart, every RUNNING execution of the Standard store that this engine does not run
     * yet: rebuilds it by {@link Replay} from its start record and journal, schedules its pending timers again
     * at their original due times (those past due fire at once), and invokes again every task whose result had
     * not committed.
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
        Map<String, StateMachine> machines = new java.util.HashMap<>();
        List<String> failed = new java.util.ArrayList<>();
        int resumed = 0;
        for (String arn : standard.running()) {
            if (live.containsKey(arn)) {
                continue;
            }
            try {
                StartRecord start = standard.start(arn).orElseThrow();
                ExecutionSummary summary = standard.find(arn).orElseThrow();
                StateMachine machine = machines.computeIfAbsent(start.definition(), Engine::parse);
                Replay.Replayed r = rebuild(arn, machine, start, summary);
                Live l = new Live(r.execution(), start.type(), summary.inputText(), standard);
                if (live.putIfAbsent(arn, l) != null) {
                    continue;
                }
                for (Effect.StartTimer t : r.pendingTimers()) {
                    timers.schedule(t.dueAt(), () -> submit(arn, new Trigger.TimerFired(t.timerId())));
                }
                r.pendingTasks().forEach(t -> invoke(l, t));
                resumed++;
            } catch (RuntimeException e) {
                failed.add(arn + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot resume " + failed.size() + " execution(s): " + String.join(", ", failed));
        }
        return resumed;
    }

    /**
     * Rebuilds an execution from the store's journal, checking that the replay reaches the stored last event
     * (else the journal and the history disagree, and running it on would corrupt the history).
     */
    private Replay.Replayed rebuild(String arn, StateMachine machine, StartRecord start, ExecutionSummary summary) {
        Replay.Replayed r = Replay.replay(machine, start.info(), standard.journal(arn));
        if (r.execution().lastEventId() != summary.lastEventId()) {
            throw new IllegalStateException("replay of " + arn + " reached event " + r.execution().lastEventId()
                    + ", the store has " + summary.lastEventId());
        }
        return r;
    }

    private static StateMachine parse(String definition) {
        io.flowstate.asl.parse.ParseResult parsed = io.flowstate.asl.parse.AslParser.parse(definition);
        return parsed.machine().filter(m -> parsed.isValid()).orElseThrow(() -> new IllegalStateException(
                "its stored definition does not parse: " + parsed.diagnostics()));
    }

    /**
     * Applies {@code use} to the writer of the execution's history payloads (the client's original text for
     * values that passed through unchanged; compact JSON for the rest, and for executions this engine does not
     * know). The writer reads the running execution's state, so it is only lent under the execution's lock.
     */
    public <T> T withPayloadWriter(String executionArn, Function<PayloadWriter, T> use) {
        Live l = live.get(executionArn);
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
        deleted.forEach(recentEnds::remove);
        return deleted;
    }

    /** StopExecution; false when the execution is not running. */
    public boolean stop(String executionArn, Optional<String> error, Optional<String> cause) {
        Live l = live.get(executionArn);
        if (l == null) {
            return false;
        }
        apply(l, new Trigger.Stop(error, cause));
        return true;
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
        Replay.Replayed r = rebuild(executionArn, machine, start.get(), summary.get());
        Live l = new Live(r.execution(), start.get().type(), summary.get().inputText(), standard);
        Decision d;
        Instant at;
        l.lock.lock();
        try {
            // Registered before the commit so that a trigger from the redriven run waits for the lock, not misses.
            if (live.putIfAbsent(executionArn, l) != null) {
                return Optional.empty();
            }
            recentEnds.remove(executionArn);
            long before = l.exec.lastEventId();
            at = now();
            Trigger redrive = new Trigger.Redrive();
            d = Interpreter.advance(l.exec, redrive, at);
            if (d.events().isEmpty()) {
                live.remove(executionArn, l);
                return Optional.empty();
            }
            try {
                ExecutionSummary redriven = summary(l);
                l.store.commit(redriven, before, d.events(), new JournalEntry(before, at, redrive));
                l.committed = redriven;
            } catch (VersionConflictException e) {
                live.remove(executionArn, l);
                return Optional.empty();
            }
        } finally {
            l.lock.unlock();
        }
        effects(l, d);
        return Optional.of(at);
    }

    /**
     * UpdateMapRun on a Map Run of a running execution: journaled like any trigger, so the change survives a
     * restart. False when the execution is not running here.
     */
    public boolean updateMapRun(String executionArn, Trigger.UpdateMapRun update) {
        Live l = live.get(executionArn);
        if (l == null) {
            return false;
        }
        apply(l, update);
        return true;
    }

    /**
     * Applies {@code view} to the interpreter state of a Standard execution: the running one under its lock,
     * else one rebuilt from the store by {@link Replay} with {@code machine}, the definition it ran. Empty
     * when the execution is unknown. {@code view} must copy what it keeps: the state goes on changing.
     */
    public <T> Optional<T> inspect(String executionArn, StateMachine machine, Function<Execution, T> view) {
        Live l = live.get(executionArn);
        if (l != null) {
            l.lock.lock();
            try {
                return Optional.of(view.apply(l.exec));
            } finally {
                l.lock.unlock();
            }
        }
        Optional<StartRecord> start = standard.start(executionArn);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(view.apply(Replay.replay(machine, start.get().info(), standard.journal(executionArn)).execution()));
    }

    /** SendTaskSuccess. */
    public TokenOutcome taskSucceeded(String token, JsonNode output) {
        return withToken(token, ref -> new Trigger.TaskSucceeded(ref.taskId(), output));
    }

    /** SendTaskFailure. */
    public TokenOutcome taskFailed(String token, String error, Optional<String> cause) {
        return withToken(token, ref -> new Trigger.TaskFailed(ref.taskId(), error, cause));
    }

    /** SendTaskHeartbeat. */
    public TokenOutcome taskHeartbeat(String token) {
        return withToken(token, ref -> new Trigger.TaskHeartbeat(ref.taskId()));
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
        BlockingQueue<ActivityTask> queue = activityQueues.computeIfAbsent(activityArn, k -> new LinkedBlockingQueue<>());
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ActivityTask task = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (task == null) {
                return Optional.empty();
            }
            TaskRef ref = tokens.get(task.taskToken());
            Live l = ref == null ? null : live.get(ref.executionArn());
            if (l != null && l.exec.isTaskPending(ref.taskId())) {
                apply(l, new Trigger.TaskStarted(ref.taskId(), workerName));
                return Optional.of(task);
            }
        }
    }

    @Override
    public void close() {
        timers.close();
    }

    // ---- the loop ---------------------------------------------------------------------------------

    private TokenOutcome withToken(String token, java.util.function.Function<TaskRef, Trigger> trigger) {
        TaskRef ref = tokens.get(token);
        if (ref == null) {
            return TokenOutcome.UNKNOWN_TOKEN;
        }
        Live l = live.get(ref.executionArn());
        // A spent token stays known: AWS answers TaskTimedOut ("already closed") for it, not TaskDoesNotExist.
        if (l == null || !l.exec.isTaskPending(ref.taskId())) {
            return TokenOutcome.TASK_GONE;
        }
        apply(l, trigger.apply(ref));
        return TokenOutcome.ACCEPTED;
    }

    private void submit(String executionArn, Trigger trigger) {
        Live l = live.get(executionArn);
        if (l != null) {
            apply(l, trigger);
        }
    }

    private void apply(Live l, Trigger trigger) {
        Decision d;
        l.lock.lock();
        try {
            if (l.exec.status() != ExecutionStatus.RUNNING) {
                return;
            }
            long before = l.exec.lastEventId();
            Instant at = now();
            d = Interpreter.advance(l.exec, trigger, at);
            // UpdateMapRun changes the state without an event: its journal entry is what keeps the change.
            if (d.events().isEmpty() && d.effects().isEmpty() && !(trigger instanceof Trigger.UpdateMapRun)) {
                return;
            }
            ExecutionSummary summary = summary(l);
            l.store.commit(summary, before, d.events(), new JournalEntry(before, at, trigger));
            l.committed = summary;
        } finally {
            l.lock.unlock();
        }
        effects(l, d);
    }

    private void effects(Live l, Decision d) {
        String arn = l.exec.info().executionArn();
        for (Effect e : d.effects()) {
            switch (e) {
                case Effect.InvokeTask t -> invoke(l, t);
                case Effect.StartTimer t -> timers.schedule(t.dueAt(), () -> submit(arn, new Trigger.TimerFired(t.timerId())));
                case Effect.Complete c -> {
                    recentPayloads.put(arn, l.exec.payloadWriter());
                    recentEnds.put(arn, l.committed);
                    live.remove(arn);
                    // The ending commit's summary is the stored one; reading it back would cost a query.
                    l.done.complete(l.committed);
                }
            }
        }
    }

    private void invoke(Live l, Effect.InvokeTask t) {
        String arn = l.exec.info().executionArn();
        t.taskToken().ifPresent(token -> tokens.put(token, new TaskRef(arn, t.taskId())));
        if (t.taskToken().isPresent() && isActivity(t.resource())) {
            activityQueues.computeIfAbsent(t.resource(), k -> new LinkedBlockingQueue<>())
                    .add(new ActivityTask(t.taskToken().get(), Json.write(t.input())));
            return;
        }
        boolean callback = t.taskToken().isPresent();
        Thread.ofVirtual().name("flowstate-task-", t.taskId()).start(() -> {
            TaskOutcome outcome;
            try {
                outcome = tasks.invoke(new TaskInvocation(t.resource(), t.input(), arn, t.stateName(), t.attempt(),
                        t.taskToken(), t.timeoutSeconds()));
            } catch (RuntimeException ex) {
                outcome = TaskOutcome.Failure.of("States.TaskFailed", "The task handler failed: " + ex);
            }
            deliver(arn, t.taskId(), outcome, callback);
        });
    }

    private void deliver(String arn, long taskId, TaskOutcome outcome, boolean callback) {
        switch (outcome) {
            case TaskOutcome.Success s -> {
                // A .waitForTaskToken task completes through SendTaskSuccess, not with the call's own result.
                if (!callback) {
                    submit(arn, new Trigger.TaskSucceeded(taskId, s.output()));
                }
            }
            case TaskOutcome.Failure f -> submit(arn, new Trigger.TaskFailed(taskId, f.error(), f.cause()));
            case TaskOutcome.Delayed d -> timers.schedule(now().plus(d.duration()),
                    () -> deliver(arn, taskId, d.then(), callback));
        }
    }

    private static boolean isActivity(String resource) {
        String[] parts = resource.split(":", 7);
        return parts.length >= 7 && parts[2].equals("states") && parts[5].equals("activity");
    }

    private ExecutionSummary summary(Live l) {
        Execution exec = l.exec;
        ExecutionInfo info = exec.info();
        boolean ended = exec.status() != ExecutionStatus.RUNNING;
        Optional<StateFailure> failure = exec.failure();
        return new ExecutionSummary(info.executionArn(), info.stateMachineArn(), info.name(), l.type, exec.status(),
                info.startTime(), ended ? Optional.of(now()) : Optional.empty(), l.inputText, exec.output(),
                failure.map(StateFailure::error).filter(err -> !err.isEmpty()), failure.flatMap(StateFailure::cause),
                exec.lastEventId());
    }
}
