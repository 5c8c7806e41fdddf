package io.flowstate.testing;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskInvocation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.LongFunction;

/**
 * Drives one execution of the pure {@code Interpreter} in the calling thread, on a virtual clock of its own.
 * Unlike {@code LocalRunner}, which runs to the end, it stops whenever the execution waits (for time or for
 * the test) and goes on when told: that is what lets a test look at a running execution, move its clock and
 * answer its callbacks. One thread and no real time, so a test sees the same history on every run.
 */
final class Driver {
    /** Work due at a virtual time (a timer, a slow task's result); {@code seq} keeps equal times in order. */
    private record Due(Instant dueAt, long seq, Runnable action) {}

    private final Execution exec;
    private final Deque<Effect.InvokeTask> invocations = new ArrayDeque<>();
    private final PriorityQueue<Due> timers =
            new PriorityQueue<>(Comparator.comparing(Due::dueAt).thenComparingLong(Due::seq));
    private final Tokens tokens = new Tokens();
    private final Calls calls;
    private Instant now;
    private long seq;

    Driver(StateMachine machine, ExecutionInfo info, TaskRouter.Bound tasks) {
        this.now = info.startTime();
        this.calls = new Calls(this, tasks, tokens, info.executionArn());
        Interpreter.Started started = Interpreter.start(machine, info, now);
        this.exec = started.execution();
        collect(started.decision());
    }

    Execution execution() {
        return exec;
    }

    Instant now() {
        return now;
    }

    List<TaskInvocation> calls() {
        return calls.made();
    }

    /** The tasks waiting for the test now. */
    List<PendingTask> pending() {
        return tokens.pending(exec);
    }

    private boolean running() {
        return exec.status() == ExecutionStatus.RUNNING;
    }

    /** Does what is ready; in {@link ClockMode#AUTO_SKIP}, then skips time while nothing waits for the test. */
    void settle(ClockMode mode) {
        runReady();
        while (mode == ClockMode.AUTO_SKIP && running() && pending().isEmpty() && !timers.isEmpty()) {
            fireNext();
            runReady();
        }
    }

    /** Moves the clock to {@code target}, firing what falls due on the way, each at its own time. */
    void advanceTo(Instant target, ClockMode mode) {
        runReady();
        while (running() && !timers.isEmpty() && !timers.peek().dueAt().isAfter(target)) {
            fireNext();
            runReady();
        }
        if (target.isAfter(now)) {
            now = target;
        }
        settle(mode);
    }

    /** Fires every timer in order until the execution ends; fails when it waits for the test and nothing else. */
    void runToCompletion() {
        runReady();
        while (running()) {
            if (timers.isEmpty()) {
                throw new IllegalStateException("the execution waits for the test, and for no timer: answer "
                        + pending().stream().map(p -> p.kind() + " '" + p.stateName() + "'").toList()
                        + " with sendTaskSuccess/sendTaskFailure");
            }
            fireNext();
            runReady();
        }
    }

    /** Applies the test's answer ({@code trigger} of the task id) to the task holding {@code token}. */
    void answer(String token, LongFunction<Trigger> trigger) {
        Tokens.Waiting w = tokens.waiting(token, exec);
        if (w.task().kind() == PendingTask.Kind.ACTIVITY && tokens.start(w.taskId())) {
            // A worker answers only what it took with GetActivityTask: ActivityStarted comes first.
            apply(new Trigger.TaskStarted(w.taskId(), Optional.empty()));
        }
        apply(trigger.apply(w.taskId()));
    }

    void stop(Optional<String> error, Optional<String> cause) {
        apply(new Trigger.Stop(error, cause));
    }

    private void runReady() {
        while (running()) {
            Effect.InvokeTask call = invocations.poll();
            if (call != null) {
                calls.invoke(call);
                continue;
            }
            Due due = timers.peek();
            if (due == null || due.dueAt().isAfter(now)) {
                return;
            }
            timers.poll().action().run();
        }
    }

    private void fireNext() {
        Due due = timers.poll();
        if (due.dueAt().isAfter(now)) {
            now = due.dueAt();
        }
        due.action().run();
    }

    /** Applies {@code trigger} now and queues the work its decision asks for. */
    void apply(Trigger trigger) {
        collect(Interpreter.advance(exec, trigger, now));
    }

    private void collect(Decision d) {
        for (Effect e : d.effects()) {
            switch (e) {
                case Effect.InvokeTask t -> invocations.add(t);
                case Effect.StartTimer t -> schedule(t.dueAt(), () -> apply(new Trigger.TimerFired(t.timerId())));
                case Effect.Complete c -> { }
            }
        }
    }

    /** Runs {@code action} when the clock reaches {@code dueAt}. */
    void schedule(Instant dueAt, Runnable action) {
        timers.add(new Due(dueAt, seq++, action));
    }
}
