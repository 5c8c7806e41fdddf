package io.flowstate.engine.interp;

import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.model.TaskState;
import io.flowstate.asl.model.WaitState;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * The ASL interpreter: {@code (definition, execution, trigger, now) -> decision}. It does no I/O, reads no
 * clock, starts no thread and never sleeps; waiting is expressed as timers and task invocations in the
 * returned {@link Decision}, whose results come back as {@link Trigger}s. A decision runs as far as it can:
 * a chain of Pass/Choice states is one decision.
 */
public final class Interpreter {
    private Interpreter() {}

    /** A started execution and its first decision. */
    public record Started(Execution execution, Decision decision) {}

    /** Starts an execution: {@code ExecutionStarted}, then as far as the machine can go. */
    public static Started start(StateMachine machine, ExecutionInfo info, Instant now) {
        return start(machine, info, now, RunMode.DEFAULT);
    }

    /** Starts an execution run as {@code mode} says. */
    public static Started start(StateMachine machine, ExecutionInfo info, Instant now, RunMode mode) {
        Execution exec = new Execution(machine, info);
        exec.captureChildren = mode.captureChildren();
        exec.synchronous = mode.synchronous();
        Run r = new Run(exec, now);
        exec.root = new io.flowstate.engine.interp.Fiber(machine, null, null, 0, new Scope(null), info.input(), 0);
        exec.root.announced = true;
        r.emitDetached(exec.root, EventType.EXECUTION_STARTED,
                new EventDetails.ExecutionStarted(info.input(), info.roleArn(), info.stateMachineAliasArn(),
                        info.stateMachineVersionArn()));
        machine.timeoutSeconds().ifPresent(t ->
                r.startTimer(now.plusSeconds(t), Execution.TimerKind.EXECUTION_TIMEOUT, exec.root, -1));
        r.schedule(exec.root);
        r.drain();
        return new Started(exec, r.decision());
    }

    /** Applies one trigger. Triggers for tasks or timers that are no longer pending are ignored. */
    public static Decision advance(Execution exec, Trigger trigger, Instant now) {
        Run r = new Run(exec, now);
        if (trigger instanceof Trigger.Redrive) {
            if (Redrive.redrivable(exec)) {
                Redrive.apply(r);
                r.drain();
            }
            return r.decision();
        }
        if (exec.status != ExecutionStatus.RUNNING) {
            return r.decision();
        }
        switch (trigger) {
            case Trigger.TaskSucceeded t -> {
                Fiber f = exec.tasks.remove(t.taskId());
                if (f != null && runIo(f, t.taskId())) {
                    if (f.children.stream != null && f.children.stream.taskId == t.taskId()) {
                        ItemReads.window(r, f.children, t.output());
                    } else {
                        ResultParts.written(r, f.children, t.output());
                    }
                } else if (f != null && f.phase == Fiber.Phase.AWAIT_TASK) {
                    if (current(f) instanceof MapState m && f.writing) {
                        ItemWrites.written(r, f, m, t.output());
                    } else if (current(f) instanceof MapState m) {
                        ItemReads.read(r, f, m, t.output());
                    } else {
                        TaskStep.succeeded(r, f, (TaskState) current(f), t.output());
                    }
                    r.resume(f);
                }
            }
            case Trigger.TaskFailed t -> {
                Fiber f = exec.tasks.remove(t.taskId());
                if (f != null && runIo(f, t.taskId())) {
                    StateFailure failure = new StateFailure(t.error(), t.cause());
                    if (f.children.stream != null && f.children.stream.taskId == t.taskId()) {
                        ItemReads.windowFailed(r, f.children, failure);
                    } else {
                        ResultParts.failed(r, f.children, failure);
                    }
                } else if (f != null && f.phase == Fiber.Phase.AWAIT_TASK) {
                    if (current(f) instanceof MapState m && f.writing) {
                        ItemWrites.failed(r, f, m, new StateFailure(t.error(), t.cause()));
                    } else if (current(f) instanceof MapState m) {
                        ItemReads.failed(r, f, m, new StateFailure(t.error(), t.cause()));
                    } else {
                        TaskStep.failed(r, f, (TaskState) current(f), new StateFailure(t.error(), t.cause()));
                    }
                    r.resume(f);
                }
            }
            case Trigger.TaskStarted s -> {
                Fiber f = exec.tasks.get(s.taskId());
                if (f != null && f.phase == Fiber.Phase.AWAIT_TASK && current(f) instanceof TaskState) {
                    TaskStep.started(r, f, (TaskState) current(f), s.workerName());
                }
            }
            case Trigger.TaskSubmitted s -> {
                Fiber f = exec.tasks.get(s.taskId());
                if (f != null && f.phase == Fiber.Phase.AWAIT_TASK && current(f) instanceof TaskState) {
                    TaskStep.submitted(r, f, (TaskState) current(f), s.output());
                }
            }
            case Trigger.TaskHeartbeat h -> {
                Fiber f = exec.tasks.get(h.taskId());
                if (f != null && f.phase == Fiber.Phase.AWAIT_TASK && current(f) instanceof TaskState) {
                    TaskStep.heartbeat(r, f, (TaskState) current(f), h.taskId());
                }
            }
            case Trigger.TimerFired t -> timerFired(r, t.timerId());
            case Trigger.Redrive d -> throw new IllegalStateException("redrive is handled above");
            case Trigger.UpdateMapRun u -> updateMapRun(r, u);
            case Trigger.StopChild s -> stopChild(r, s);
            case Trigger.TaskRefused t -> {
                Fiber f = exec.tasks.remove(t.taskId());
                if (f != null && runIo(f, t.taskId())) {
                    StateFailure failure = StateFailure.of(ErrorNames.RUNTIME, t.message());
                    if (f.children.stream != null && f.children.stream.taskId == t.taskId()) {
                        ItemReads.windowFailed(r, f.children, failure);
                    } else {
                        ResultParts.failed(r, f.children, failure);
                    }
                } else if (f != null && f.phase == Fiber.Phase.AWAIT_TASK) {
                    r.failFiber(f, r.stateError(f, ErrorNames.RUNTIME, t.message()));
                }
            }
            case Trigger.Stop s -> {
                exec.root.phase = Fiber.Phase.ABORTED;
                exec.root.cursor = 0;
                finish(r, ExecutionStatus.ABORTED, EventType.EXECUTION_ABORTED, s.error(), s.cause());
            }
        }
        r.drain();
        return r.decision();
    }

    private static void updateMapRun(Run r, Trigger.UpdateMapRun u) {
        for (ChildGroup g : r.exec.mapRuns) {
            if (g.mapRunArn.equals(u.mapRunArn()) && g.owner.children == g) {
                u.maxConcurrency().ifPresent(m -> g.maxConcurrency = m);
                u.toleratedFailureCount().ifPresent(c -> g.toleratedFailureCount = c);
                u.toleratedFailurePercentage().ifPresent(p -> g.toleratedFailurePercentage = p);
                Children.startIterations(r, g);
            }
        }
    }

    private static void stopChild(Run r, Trigger.StopChild s) {
        for (ChildGroup g : r.exec.mapRuns) {
            if (g.mapRunArn.equals(s.mapRunArn()) && g.owner.children == g && s.index() >= 0 && s.index() < g.size()
                    && g.fibers.get(s.index()) != null && !g.fibers.get(s.index()).isDone()) {
                Children.childStopped(r, g.fibers.get(s.index()), new StateFailure(s.error().orElse(""), s.cause()));
                r.drain();
            }
        }
    }

    private static void timerFired(Run r, long timerId) {
        Execution exec = r.exec;
        Execution.PendingTimer pt = exec.timers.remove(timerId);
        if (pt == null) {
            return;
        }
        Fiber f = pt.fiber();
        switch (pt.kind()) {
            case WAIT -> {
                if (f.phase == Fiber.Phase.AWAIT_TIMER && f.pendingTimerId == timerId) {
                    f.phase = Fiber.Phase.ENTER;
                    try {
                        WaitStep.finish(r, f, (WaitState) current(f));
                    } catch (io.flowstate.asl.expr.EvaluationException e) {
                        r.failState(f, current(f), e);
                    }
                    r.resume(f);
                }
            }
            case RETRY -> {
                if (f.phase == Fiber.Phase.AWAIT_RETRY && f.pendingTimerId == timerId) {
                    ErrorHandling.retryNow(r, f);
                    r.resume(f);
                }
            }
            case TASK_TIMEOUT -> {
                if (f.phase == Fiber.Phase.AWAIT_TASK && f.pendingTaskId == pt.taskId()
                        && exec.tasks.remove(pt.taskId()) != null) {
                    TaskStep.timedOut(r, f, (TaskState) current(f), false);
                    r.resume(f);
                }
            }
            case HEARTBEAT_TIMEOUT -> {
                if (f.phase == Fiber.Phase.AWAIT_TASK && f.pendingTaskId == pt.taskId() && f.heartbeatTimerId == timerId
                        && exec.tasks.remove(pt.taskId()) != null) {
                    TaskStep.timedOut(r, f, (TaskState) current(f), true);
                    r.resume(f);
                }
            }
            case EXECUTION_TIMEOUT -> {
                Children.abort(r, exec.root);
                finish(r, ExecutionStatus.TIMED_OUT, EventType.EXECUTION_TIMED_OUT,
                        Optional.of(ErrorNames.TIMEOUT), Optional.empty());
            }
        }
    }

    private static void finish(Run r, ExecutionStatus status, EventType type, Optional<String> error,
            Optional<String> cause) {
        Execution exec = r.exec;
        exec.status = status;
        exec.failure = new StateFailure(error.orElse(""), cause);
        r.emit(exec.root, type, new EventDetails.Failure(error, cause));
        r.effects.add(new Effect.Complete(status, Optional.empty(), error, cause));
        r.cancelAll();
        // The Distributed Map children still running end with their parent.
        for (ChildGroup g : exec.mapRuns) {
            for (int i = 0; i < g.size(); i++) {
                Fiber f = g.fibers.get(i);
                if (f != null && f.log != null && f.announced && !f.isDone()) {
                    r.emit(f, EventType.EXECUTION_ABORTED, new EventDetails.Failure(Optional.empty(), Optional.empty()));
                }
            }
        }
    }

    /** Whether {@code taskId} is a window read or a result part of the run {@code f} waits on. */
    private static boolean runIo(Fiber f, long taskId) {
        ChildGroup g = f.children;
        return f.phase == Fiber.Phase.AWAIT_CHILDREN && g != null
                && ((g.stream != null && g.stream.taskId == taskId) || (g.parts != null && g.parts.taskId == taskId));
    }

    private static State current(Fiber f) {
        return f.machine.state(f.stateName);
    }
}
