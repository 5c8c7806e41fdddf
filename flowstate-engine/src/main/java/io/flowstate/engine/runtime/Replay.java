package io.flowstate.engine.runtime;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.RunMode;
import io.flowstate.engine.interp.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds an execution from its journal: start, then every recorded trigger at its recorded time. The
 * interpreter is deterministic (its randomness is seeded by the execution), so the rebuilt execution has the
 * same history, and the effects nothing has answered yet are the ones to run again after a restart.
 */
public final class Replay {
    private Replay() {}

    /** The rebuilt execution and its outstanding work. */
    public record Replayed(Execution execution, List<Effect.InvokeTask> pendingTasks, List<Effect.StartTimer> pendingTimers) {
        public Replayed {
            pendingTasks = List.copyOf(pendingTasks);
            pendingTimers = List.copyOf(pendingTimers);
        }
    }

    public static Replayed replay(StateMachine machine, ExecutionInfo info, List<JournalEntry> journal) {
        return replay(machine, info, journal, false);
    }

    /**
     * As {@link #replay(StateMachine, ExecutionInfo, List)}; with {@code captureChildren} the Distributed Map
     * children record their own histories ({@link Execution#childHistory}).
     */
    public static Replayed replay(StateMachine machine, ExecutionInfo info, List<JournalEntry> journal,
            boolean captureChildren) {
        Interpreter.Started started = Interpreter.start(machine, info, info.startTime(),
                new RunMode(captureChildren, false));
        Execution exec = started.execution();
        Map<Long, Effect.InvokeTask> tasks = new LinkedHashMap<>();
        Map<Long, Effect.StartTimer> timers = new LinkedHashMap<>();
        collect(started.decision(), tasks, timers);
        for (JournalEntry entry : journal) {
            switch (entry.trigger()) {
                case Trigger.TaskSucceeded t -> tasks.remove(t.taskId());
                case Trigger.TaskFailed t -> tasks.remove(t.taskId());
                case Trigger.TimerFired t -> timers.remove(t.timerId());
                case Trigger.TaskHeartbeat h -> { }
                case Trigger.TaskSubmitted s -> { }
                case Trigger.TaskStarted s -> { }
                case Trigger.Stop s -> { }
                case Trigger.Redrive d -> { }
                case Trigger.UpdateMapRun u -> { }
                case Trigger.StopChild s -> { }
            }
            collect(Interpreter.advance(exec, entry.trigger(), entry.at()), tasks, timers);
        }
        List<Effect.InvokeTask> pendingTasks = new ArrayList<>();
        for (Effect.InvokeTask t : tasks.values()) {
            if (exec.isTaskPending(t.taskId())) {
                pendingTasks.add(t);
            }
        }
        return new Replayed(exec, pendingTasks, new ArrayList<>(timers.values()));
    }

    private static void collect(Decision d, Map<Long, Effect.InvokeTask> tasks, Map<Long, Effect.StartTimer> timers) {
        for (Effect e : d.effects()) {
            switch (e) {
                case Effect.InvokeTask t -> tasks.put(t.taskId(), t);
                case Effect.StartTimer t -> timers.put(t.timerId(), t);
                case Effect.Complete c -> { }
            }
        }
    }
}
