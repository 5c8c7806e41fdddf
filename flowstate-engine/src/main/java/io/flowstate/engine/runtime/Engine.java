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
 */
public final class Engine implements AutoCloseable {
    /** A running execution: its interpreter state, guarded by a lock so triggers apply one at a time. */
    private static final class Live {
        final Execution exec;
        final String type;
        final String inputText;
        final ReentrantLock lock = new ReentrantLock();
        final CompletableFuture<ExecutionSummary> done = new CompletableFuture<>();

        Live(Execution exec, String type, String inputText) {
            this.exec = exec;
            this.type = type;
            this.inputText = inputText;
        }
    }

    /** Which task a token completes. */
    private record TaskRef(String executionArn, long taskId) {}

    private final ExecutionStore store;
    private final TaskHandler tasks;
    private final TimerService timers;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ExecutionSummary>> finished = new ConcurrentHashMap<>();
    private final Map<String, PayloadWriter> finishedPayloads = new ConcurrentHashMap<>();
    private final Map<String, TaskRef> tokens = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<ActivityTask>> activityQueues = new ConcurrentHashMap<>();

    public Engine(ExecutionStore store, TaskHandler tasks, TimerService timers) {
        this.store = requireNonNull(store, "store is null");
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
        Live l = new Live(started.execution(), type, info.inputText().orElseGet(() -> Json.write(info.input())));
        l.lock.lock();
        try {
            ExecutionSummary summary = summary(l);
            if (!store.create(summary, new StartRecord(definition, type, info), started.decision().events())) {
                return Optional.empty();
            }
            live.put(info.executionArn(), l);
        } finally {
            l.lock.unlock();
        }
        effects(l, started.decision());
        return store.find(info.executionArn());
    }

    /** Completes when the execution has ended (at once if it has). */
    public CompletableFuture<ExecutionSummary> completion(String executionArn) {
        Live l = live.get(executionArn);
        if (l != null) {
            return l.done;
        }
        return store.find(executionArn).filter(s -> s.status() != ExecutionStatus.RUNNING)
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> finished.getOrDefault(executionArn,
                        CompletableFuture.failedFuture(new IllegalArgumentException("no execution " + executionArn))));
    }

    /** The summary as stored. */
    public Optional<ExecutionSummary> describe(String executionArn) {
        return store.find(executionArn);
    }

    /** Summaries of the executions of a state machine (all when empty), newest first. */
    public List<ExecutionSummary> list(Optional<String> stateMachineArn) {
        return store.list(stateMachineArn);
    }

    /** Up to {@code max} history events after {@code afterEventId}. */
    public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
        return store.history(executionArn, afterEventId, max);
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
        return use.apply(finishedPayloads.getOrDefault(executionArn, PayloadWriter.COMPACT));
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
            if (d.events().isEmpty() && d.effects().isEmpty()) {
                return;
            }
            store.commit(summary(l), before, d.events(), new JournalEntry(before, at, trigger));
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
                    finishedPayloads.put(arn, l.exec.payloadWriter());
                    live.remove(arn);
                    ExecutionSummary s = store.find(arn).orElseThrow();
                    finished.put(arn, CompletableFuture.completedFuture(s));
                    l.done.complete(s);
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
