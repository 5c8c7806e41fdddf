package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The executions an {@link Engine} runs, and its loop: applies each trigger under the execution's lock, commits
 * the decision, then runs its effects (tasks on virtual threads, timers, completion). Triggers from outside (task
 * tokens, stops) go to the execution here or, when another engine of the {@link Cluster} owns it, to that one.
 * Rebuilds executions from the store when they are resumed, taken over, or after a refused commit.
 */
final class Runner {
    private final ExecutionStore standard;
    private final TimerService timers;
    private final Cluster cluster;
    private final Rebuilder rebuilder;
    private final TaskCalls calls;
    /** Called with the payload writer of each execution that ends, for its history. */
    private final BiConsumer<String, PayloadWriter> ended;
    final Map<String, LiveExecution> live = new ConcurrentHashMap<>();
    /**
     * The ending summaries of the executions that ended last here, so that waiting for an execution that ended
     * while it was being started (a chain of Pass states) costs no query. Small: a waiter asks right away.
     */
    final RecentEntries<ExecutionSummary> recentEnds = new RecentEntries<>(1_024);
    /** Tokens of the tasks this engine invoked: the cluster's table is only needed for the others' tokens. */
    private final Map<String, TaskRef> tokens = new ConcurrentHashMap<>();
    /** Told of each committed decision's events; volatile so that it may be set once the server is wired. */
    private volatile HistoryListener listener = HistoryListener.NONE;

    /** Whether an activity ARN names an activity that exists; every one does unless told otherwise. */
    volatile java.util.function.Predicate<String> activityExists = arn -> true;

    Runner(ExecutionStore standard, TaskHandler tasks, TimerService timers, Cluster cluster,
            BiConsumer<String, PayloadWriter> ended) {
        this.standard = requireNonNull(standard, "standard is null");
        this.timers = requireNonNull(timers, "timers is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.ended = requireNonNull(ended, "ended is null");
        this.rebuilder = new Rebuilder(standard);
        this.calls = new TaskCalls(tasks, timers, this::submit);
    }

    void listener(HistoryListener listener) {
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * Tells the listener of a committed decision's events; under the execution's lock. A failing listener is
     * logged, never thrown: the decision is committed and the execution goes on.
     */
    void committed(LiveExecution l, List<io.flowstate.engine.history.HistoryEvent> events) {
        HistoryListener h = listener;
        if (h == HistoryListener.NONE || events.isEmpty()) {
            return;
        }
        try {
            h.appended(l.exec.info(), l.exec.redriveCount(), events, l.exec.payloadWriter());
        } catch (RuntimeException e) {
            System.getLogger(Engine.class.getName()).log(System.Logger.Level.WARNING,
                    "history listener failed for " + l.exec.info().executionArn(), e);
        }
    }

    Rebuilder rebuilder() {
        return rebuilder;
    }

    private Instant now() {
        return timers.clock().instant();
    }

    /** Rebuilds and runs the executions named, adding those that cannot be rebuilt to {@code failed}. */
    int resume(java.util.Collection<String> arns, List<String> failed) {
        int resumed = 0;
        for (String arn : arns) {
            if (live.containsKey(arn)) {
                continue;
            }
            try {
                if (resume(arn)) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                failed.add(arn + " (" + e.getMessage() + ")");
            }
        }
        return resumed;
    }

    /** Rebuilds one execution from the store and runs it on; false when it is not running or runs here already. */
    private boolean resume(String arn) {
        Optional<Rebuilder.Rebuilt> rebuilt = rebuilder.running(arn);
        if (rebuilt.isEmpty()) {
            return false;
        }
        Replay.Replayed r = rebuilt.get().replayed();
        LiveExecution l = new LiveExecution(r.execution(), rebuilt.get().start().type(), rebuilt.get().summary().inputText(), standard);
        if (live.putIfAbsent(arn, l) != null) {
            return false;
        }
        for (Effect.StartTimer t : r.pendingTimers()) {
            timers.schedule(t.dueAt(), () -> submit(arn, new Trigger.TimerFired(t.timerId())));
        }
        r.pendingTasks().forEach(t -> invoke(l, t));
        return true;
    }

    /** What the cluster may do to this engine. */
    final class Member implements Cluster.Member {
        @Override
        public int adopt(java.util.Collection<String> executionArns) {
            List<String> failed = new java.util.ArrayList<>();
            int n = resume(executionArns, failed);
            if (!failed.isEmpty()) {
                System.getLogger(Engine.class.getName()).log(System.Logger.Level.ERROR,
                        "cannot take over " + failed.size() + " execution(s): " + String.join(", ", failed));
            }
            return n;
        }

        @Override
        public TokenOutcome deliver(String executionArn, Trigger trigger) {
            LiveExecution l = live.get(executionArn);
            if (l == null || !l.waitsFor(trigger)) {
                return TokenOutcome.TASK_GONE;
            }
            if (apply(l, trigger)) {
                return TokenOutcome.ACCEPTED;
            }
            // Refused: rebuilt here if still ours; else TASK_GONE, and the cluster leaves it to the new owner
            // (never forwarded from here: the forwarding node waits for this answer).
            LiveExecution again = live.get(executionArn);
            return again != null && again.waitsFor(trigger) && apply(again, trigger) ? TokenOutcome.ACCEPTED
                    : TokenOutcome.TASK_GONE;
        }

        @Override
        public java.util.Set<String> running() {
            java.util.Set<String> out = new java.util.HashSet<>();
            live.forEach((arn, l) -> {
                if (l.store == standard) {
                    out.add(arn);
                }
            });
            return out;
        }

        @Override
        public void disown(java.util.Collection<String> executionArns) {
            for (String arn : executionArns) {
                LiveExecution l = live.get(arn);
                if (l != null && l.store == standard) {
                    l.lock.lock();
                    try {
                        live.remove(arn, l);
                    } finally {
                        l.lock.unlock();
                    }
                    handOver(l, null);
                }
            }
        }
    }

    TokenOutcome withToken(String token, Function<TaskRef, Trigger> trigger) {
        TaskRef ref = tokens.get(token);
        if (ref == null) {
            ref = cluster.token(token).orElse(null);
        }
        if (ref == null) {
            return TokenOutcome.UNKNOWN_TOKEN;
        }
        // A spent token stays known: AWS answers TaskTimedOut ("already closed") for it, not TaskDoesNotExist.
        return route(ref.executionArn(), trigger.apply(ref));
    }

    /** Applies a trigger from outside (a token, a stop) here when this engine runs the execution, else at its owner. */
    TokenOutcome route(String executionArn, Trigger trigger) {
        LiveExecution l = live.get(executionArn);
        if (l == null) {
            return cluster.forward(executionArn, trigger);
        }
        if (!l.waitsFor(trigger)) {
            return TokenOutcome.TASK_GONE;
        }
        awaitSubmit(l, trigger);
        return apply(l, trigger) ? TokenOutcome.ACCEPTED : routeAgain(executionArn, trigger);
    }

    /** How long a token answer waits for its {@code .waitForTaskToken} call to be recorded as submitted. */
    private static final long SUBMIT_WAIT_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    /**
     * A worker can answer a token before the call that sent it has returned (a queue consumer is that fast): AWS
     * records {@code TaskSubmitted} first all the same, so the answer waits (bounded) until the call's response
     * is committed. The caller of SendTaskSuccess waits with it, so nothing it was told is accepted is lost.
     */
    private void awaitSubmit(LiveExecution l, Trigger trigger) {
        long taskId = switch (trigger) {
            case Trigger.TaskSucceeded t -> t.taskId();
            case Trigger.TaskFailed t -> t.taskId();
            case Trigger.TaskHeartbeat t -> t.taskId();
            default -> -1;
        };
        if (taskId < 0) {
            return;
        }
        l.lock.lock();
        try {
            long left = SUBMIT_WAIT_NANOS;
            while (left > 0 && live.get(l.arn()) == l && l.exec.awaitsSubmit(taskId)) {
                left = l.advanced.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            l.lock.unlock();
        }
    }

    /**
     * After a refused commit dropped the execution's copy: to the copy rebuilt here if this engine still owns
     * it, else to its new owner. Once only, so that a store that keeps refusing cannot loop.
     */
    private TokenOutcome routeAgain(String executionArn, Trigger trigger) {
        LiveExecution l = live.get(executionArn);
        if (l == null) {
            return cluster.forward(executionArn, trigger);
        }
        if (!l.waitsFor(trigger)) {
            return TokenOutcome.TASK_GONE;
        }
        return apply(l, trigger) ? TokenOutcome.ACCEPTED : TokenOutcome.TASK_GONE;
    }

    private void submit(String executionArn, Trigger trigger) {
        LiveExecution l = live.get(executionArn);
        if (l != null) {
            apply(l, trigger);
        }
    }

    /**
     * Advances the execution by {@code trigger} and commits the decision; false when the store refused the
     * commit, in which case the copy in memory is dropped (the interpreter advanced it past the store) and,
     * if this engine still owns the execution, rebuilt from the store with its timers and tasks.
     */
    private boolean apply(LiveExecution l, Trigger trigger) {
        String arn = l.exec.info().executionArn();
        Decision d;
        l.lock.lock();
        try {
            if (live.get(arn) != l) {
                return false; // dropped after a refused commit while this trigger waited for the lock
            }
            if (l.exec.status() != ExecutionStatus.RUNNING) {
                return true;
            }
            long before = l.exec.lastEventId();
            Instant at = now();
            // A trigger the execution waits for changes it even when the decision records nothing: a Distributed
            // Map child's events are not in this history, so one that ends while its siblings run decides no event
            // and no effect. Its journal entry is what keeps the change, or a rebuild would run that child's step
            // again. Only a trigger nothing waits for any more (a cancelled timer, a late answer) is dropped.
            boolean awaited = l.waitsFor(trigger)
                    && !(trigger instanceof Trigger.TimerFired t && !l.exec.isTimerPending(t.timerId()));
            d = Interpreter.advance(l.exec, trigger, at);
            // UpdateMapRun changes the state without an event: its journal entry is what keeps the change.
            if (d.events().isEmpty() && d.effects().isEmpty() && !awaited && !(trigger instanceof Trigger.UpdateMapRun)) {
                return true;
            }
            try {
                ExecutionSummary summary = summary(l);
                l.store.commit(summary, before, d.events(), new JournalEntry(before, at, trigger));
                l.committed = summary;
                committed(l, d.events());
            } catch (VersionConflictException e) {
                live.remove(arn, l);
                d = null;
            }
        } finally {
            l.advanced.signalAll();
            l.lock.unlock();
        }
        if (d == null) {
            LiveExecution again = l.store == standard && cluster.owns(arn) && resume(arn) ? live.get(arn) : null;
            handOver(l, again);
            return false;
        }
        effects(l, d);
        return true;
    }

    /**
     * Whoever waits for the completion of a dropped copy waits for the rebuilt one instead; when another node
     * runs the execution now, for what the store says once it has ended, else is told so.
     */
    private void handOver(LiveExecution dropped, LiveExecution rebuilt) {
        if (rebuilt != null) {
            rebuilt.done.whenComplete((s, e) -> {
                if (e != null) {
                    dropped.done.completeExceptionally(e);
                } else {
                    dropped.done.complete(s);
                }
            });
            return;
        }
        Optional<ExecutionSummary> s = dropped.store.find(dropped.arn());
        if (s.isPresent() && s.get().status() != ExecutionStatus.RUNNING) {
            dropped.done.complete(s.get());
        } else {
            dropped.done.completeExceptionally(new IllegalStateException(dropped.arn() + " is run by another node now"));
        }
    }

    void effects(LiveExecution l, Decision d) {
        String arn = l.exec.info().executionArn();
        for (Effect e : d.effects()) {
            switch (e) {
                case Effect.InvokeTask t -> invoke(l, t);
                case Effect.StartTimer t -> timers.schedule(t.dueAt(), () -> submit(arn, new Trigger.TimerFired(t.timerId())));
                case Effect.Complete c -> {
                    ended.accept(arn, l.exec.payloadWriter());
                    // The ending commit's summary is the stored one; reading it back would cost a query.
                    ExecutionSummary s = l.committed != null ? l.committed : l.store.find(arn).orElseThrow();
                    recentEnds.put(arn, s);
                    live.remove(arn, l);
                    l.done.complete(s);
                }
            }
        }
    }

    private void invoke(LiveExecution l, Effect.InvokeTask t) {
        String arn = l.exec.info().executionArn();
        if (t.taskToken().isPresent()) {
            TaskRef ref = new TaskRef(arn, t.taskId());
            tokens.put(t.taskToken().get(), ref);
            // Before the task is handed out, so that whoever gets the token can use it on any engine.
            if (l.store == standard) {
                cluster.tokenIssued(t.taskToken().get(), ref);
            }
            if (TaskCalls.isActivity(t.resource()) && !activityExists.test(t.resource())) {
                // Deleted (or never created): AWS fails the execution rather than wait for a worker that cannot come.
                Thread.ofVirtual().start(() -> submit(arn, new Trigger.TaskRefused(t.taskId(),
                        "The activity " + t.resource() + " does not exist.")));
                return;
            }
            if (TaskCalls.isActivity(t.resource())) {
                cluster.offerActivity(t.resource(), new ActivityTask(t.taskToken().get(), Json.write(t.input())));
                return;
            }
        }
        calls.call(l.exec.info(), t);
    }

    ExecutionSummary summary(LiveExecution l) {
        return l.summary(now());
    }
}
