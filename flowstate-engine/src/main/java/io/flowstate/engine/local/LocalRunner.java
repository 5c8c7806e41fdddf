package io.flowstate.engine.local;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.StateFailure;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Runs one execution to its end in the calling thread: the shell around the {@link Interpreter} for the CLI,
 * embedding, tests and benchmarks. Task invocations run in the order they were scheduled; timers fire in due
 * order on the given clock (a {@link VirtualClock} skips the waiting). Nothing is persisted.
 */
public final class LocalRunner {
    private final TaskHandler tasks;
    private final RunClock clock;

    public LocalRunner(TaskHandler tasks, RunClock clock) {
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A timer or a delayed task result, due at {@code dueAt}; {@code seq} keeps equal due times in order. */
    private record Due(Instant dueAt, long seq, Trigger trigger) {}

    /** Runs {@code machine} with {@code info} (its start time is taken as the clock's current time). */
    public RunResult run(StateMachine machine, ExecutionInfo info) throws InterruptedException {
        return run(machine, info, Optional.empty());
    }

    /**
     * Runs {@code machine}; when {@code stopWhenWaiting} is given, StopExecution is applied the first time the
     * execution has nothing to do but wait for a timer (as a user stopping a waiting execution would).
     */
    public RunResult run(StateMachine machine, ExecutionInfo info, Optional<Trigger.Stop> stopWhenWaiting)
            throws InterruptedException {
        Optional<Trigger.Stop> stop = stopWhenWaiting;
        Interpreter.Started started = Interpreter.start(machine, info, clock.instant());
        Execution exec = started.execution();
        Deque<Effect.InvokeTask> invocations = new ArrayDeque<>();
        PriorityQueue<Due> timers = new PriorityQueue<>((a, b) -> {
            int c = a.dueAt().compareTo(b.dueAt());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
        });
        long[] seq = {0};
        collect(started.decision(), invocations, timers, seq);
        while (exec.status() == ExecutionStatus.RUNNING) {
            Trigger trigger;
            Effect.InvokeTask call = invocations.poll();
            if (call != null) {
                if (isActivity(call.resource())) {
                    // No worker polls here: the handler takes the activity task at once.
                    collect(Interpreter.advance(exec, new Trigger.TaskStarted(call.taskId(), Optional.empty()),
                            clock.instant()), invocations, timers, seq);
                }
                TaskOutcome outcome = tasks.invoke(call.invocation(info));
                Instant ready = clock.instant();
                while (outcome instanceof TaskOutcome.Delayed || outcome instanceof TaskOutcome.Submitted) {
                    if (outcome instanceof TaskOutcome.Delayed d) {
                        ready = ready.plus(d.duration());
                        outcome = d.then();
                    } else if (outcome instanceof TaskOutcome.Submitted s) {
                        collect(Interpreter.advance(exec, new Trigger.TaskSubmitted(call.taskId(), s.response()),
                                clock.instant()), invocations, timers, seq);
                        outcome = s.completion().await();
                    }
                }
                trigger = switch (outcome) {
                    case TaskOutcome.Success s -> new Trigger.TaskSucceeded(call.taskId(), s.output());
                    case TaskOutcome.Failure f -> new Trigger.TaskFailed(call.taskId(), f.error(), f.cause());
                    case TaskOutcome.Delayed d -> throw new IllegalStateException("unwrapped above");
                    case TaskOutcome.Submitted s -> throw new IllegalStateException("unwrapped above");
                };
                if (ready.isAfter(clock.instant())) {
                    timers.add(new Due(ready, seq[0]++, trigger));
                    continue;
                }
            } else if (stop.isPresent()) {
                trigger = stop.get();
                stop = Optional.empty();
            } else {
                Due next = timers.poll();
                if (next == null) {
                    throw new IllegalStateException("execution " + info.name() + " is waiting for nothing");
                }
                clock.awaitUntil(next.dueAt());
                trigger = next.trigger();
            }
            collect(Interpreter.advance(exec, trigger, clock.instant()), invocations, timers, seq);
        }
        Optional<StateFailure> failure = exec.failure();
        return new RunResult(info, exec.status(), exec.output(),
                failure.map(StateFailure::error).filter(e -> !e.isEmpty()), failure.flatMap(StateFailure::cause),
                exec.history(), exec.payloadWriter());
    }

    /** {@code arn:PARTITION:states:REGION:ACCOUNT:activity:NAME}; a substring test, as this runs per task call. */
    private static boolean isActivity(String resource) {
        return resource.startsWith("arn:") && resource.contains(":states:") && resource.contains(":activity:");
    }

    private static void collect(Decision d, Deque<Effect.InvokeTask> invocations, PriorityQueue<Due> timers, long[] seq) {
        for (Effect e : d.effects()) {
            switch (e) {
                case Effect.InvokeTask t -> invocations.add(t);
                case Effect.StartTimer t -> timers.add(new Due(t.dueAt(), seq[0]++, new Trigger.TimerFired(t.timerId())));
                case Effect.Complete c -> { }
            }
        }
    }
}
