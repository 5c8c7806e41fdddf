package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.Template;
import io.flowstate.asl.model.Transition;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working context of one decision: the execution being advanced, the decision's clock reading, and the
 * events and effects it has produced so far. Runs fibers until each one completes or waits for something
 * from outside. Shared machinery for the per-state steps lives here: publishing events with AWS's
 * previous-event rules, leaving a state, failing a fiber, and the context object.
 */
final class Run {

    final Execution exec;
    final Instant now;
    final List<HistoryEvent> events = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    private final Deque<Fiber> runnable = new ArrayDeque<>();

    Run(Execution exec, Instant now) {
        this.exec = exec;
        this.now = now;
    }

    Decision decision() {
        return new Decision(events, effects);
    }

    // ---- events -------------------------------------------------------------------------------------

    /** Publishes an event after the fiber's cursor and moves the cursor to it. */
    long emit(Fiber f, EventType type, EventDetails details) {
        if (f.silent) {
            if (f.log != null) {
                f.cursor = f.log.add(f.cursor, now, type, details);
            }
            return f.cursor;
        }
        long id = publish(f.cursor, type, details);
        f.cursor = id;
        return id;
    }

    /** Publishes an event after the fiber's cursor without moving the cursor (AWS does so for some events). */
    long emitDetached(Fiber f, EventType type, EventDetails details) {
        if (f.silent) {
            return f.log != null ? f.log.add(f.cursor, now, type, details) : f.cursor;
        }
        return publish(f.cursor, type, details);
    }

    /** Publishes an event after the last event of the whole history, leaving the fiber's cursor alone. */
    long emitAfterLast(Fiber f, EventType type, EventDetails details) {
        if (f.silent) {
            return f.log != null ? f.log.add(f.log.lastId, now, type, details) : f.cursor;
        }
        return publish(exec.lastEventId, type, details);
    }

    long publish(long previous, EventType type, EventDetails details) {
        if (exec.status != ExecutionStatus.RUNNING && exec.lastEventId > 0 && !HistoryQuota.terminal(type)) {
            return exec.lastEventId;
        }
        if (exec.lastEventId == HistoryQuota.MAX_EVENTS - 1 && !HistoryQuota.terminal(type)) {
            HistoryQuota.reached(this, previous);
            return exec.lastEventId;
        }
        long id = ++exec.lastEventId;
        HistoryEvent e = new HistoryEvent(id, previous, now, type, details);
        exec.history.add(e);
        events.add(e);
        return id;
    }

    // ---- scheduling ---------------------------------------------------------------------------------

    void schedule(Fiber f) {
        runnable.add(f);
    }

    /** Runs every runnable fiber until all wait or are done. */
    void drain() {
        Fiber f;
        while ((f = runnable.poll()) != null) {
            if (!f.announced) {
                announce(f);
            }
            while (f.phase == Fiber.Phase.ENTER && exec.status == ExecutionStatus.RUNNING && !aborted(f)) {
                enter(f);
            }
        }
    }

    /** A Map iteration publishes its start when it first runs, after the events of the iterations before it. */
    private void announce(Fiber f) {
        f.announced = true;
        if (f.group != null && f.group.distributed && f.log != null) {
            ChildLog.started(this, f);
        } else if (f.group != null && f.group.kind == ChildGroup.Kind.MAP) {
            f.cursor = f.group.owner.cursor;
            emit(f, EventType.MAP_ITERATION_STARTED, new EventDetails.MapIteration(f.group.owner.stateName, f.index));
        }
    }

    /** Puts a fiber that left its waiting phase back on the run queue. */
    void resume(Fiber f) {
        if (f.phase == Fiber.Phase.ENTER) {
            schedule(f);
        }
    }

    private static boolean aborted(Fiber f) {
        for (Fiber p = f; p != null; p = p.parent) {
            if (p.phase == Fiber.Phase.ABORTED) {
                return true;
            }
        }
        return false;
    }

    private void enter(Fiber f) {
        State s = f.machine.state(f.stateName);
        f.enteredTime = now;
        f.retryCount = 0;
        f.retrierAttempts = null;
        f.enteredPreviousEventId = f.cursor;
        // Children kept for a redrive belong to this entry only; any other entry starts its state anew.
        ChildGroup resume = f.redriveGroup;
        f.redriveGroup = null;
        f.unfinished = null;
        f.enteredEventId = emit(f, EventType.stateEntered(s.type()), new EventDetails.StateEntered(s.name(), f.input));
        try {
            StepProbe.inspectEntry(this, f, s);
            switch (s) {
                case io.flowstate.asl.model.PassState p -> PassStep.enter(this, f, p);
                case io.flowstate.asl.model.TaskState t -> TaskStep.enter(this, f, t);
                case io.flowstate.asl.model.ChoiceState c -> ChoiceStep.enter(this, f, c);
                case io.flowstate.asl.model.WaitState w -> WaitStep.enter(this, f, w);
                case io.flowstate.asl.model.SucceedState ss -> SucceedStep.enter(this, f, ss);
                case io.flowstate.asl.model.FailState fs -> FailStep.enter(this, f, fs);
                case io.flowstate.asl.model.ParallelState ps -> {
                    if (resume != null) {
                        ParallelStep.resume(this, f, ps, resume);
                    } else {
                        ParallelStep.enter(this, f, ps);
                    }
                }
                case io.flowstate.asl.model.MapState ms -> {
                    if (resume != null) {
                        MapStep.resume(this, f, ms, resume);
                    } else {
                        MapStep.enter(this, f, ms);
                    }
                }
            }
        } catch (EvaluationException e) {
            if (s instanceof io.flowstate.asl.model.MapState && isQueryError(e) && f.phase == Fiber.Phase.ENTER) {
                failState(f, s, e, true);
            } else {
                failState(f, s, e);
            }
        }
    }

    /** The probe of a state test, when {@code f} runs the tested state and it is not done yet; else null. */
    StepProbe probe(Fiber f) {
        StepProbe p = exec.probe;
        return p != null && f.parent == null && !p.done() ? p : null;
    }

    private static boolean isQueryError(EvaluationException e) {
        return e.error().equals(ErrorNames.QUERY_EVALUATION_ERROR);
    }

    /** A state failed evaluating an expression: see {@link #failState(Fiber, State, EvaluationException, boolean)}. */
    void failState(Fiber f, State s, EvaluationException e) {
        failState(f, s, e, false);
    }

    /**
     * A state failed evaluating an expression. A JSONata failure ({@code States.QueryEvaluationError}) is
     * recorded as an {@code EvaluationFailed} event, which AWS chains to the event the state's Entered event
     * follows, and goes to the state's Retry and Catch like a task failure; other expression errors
     * ({@code States.Runtime}) fail the fiber. A Map records {@code MapStateFailed} after its own failure.
     */
    void failState(Fiber f, State s, EvaluationException e, boolean mapFailed) {
        StateFailure failure = stateError(f, e);
        if (!isQueryError(e)) {
            failFiber(f, failure);
            return;
        }
        // AWS chains the event to the one before the state's Entered event, except in a Wait, whose
        // time is evaluated once the state has been entered.
        boolean fromEntry = f.cursor == f.enteredEventId && !(s instanceof io.flowstate.asl.model.WaitState);
        evaluationFailed(f, failure, e.location(), fromEntry ? f.enteredPreviousEventId : f.cursor);
        if (mapFailed) {
            emit(f, EventType.MAP_STATE_FAILED, EventDetails.NONE);
        }
        f.phase = Fiber.Phase.ENTER;
        ErrorHandling.handle(this, f, s, failure);
    }

    /** Publishes {@code EvaluationFailed} after {@code previous} and moves the fiber's cursor to it. */
    void evaluationFailed(Fiber f, StateFailure failure, Optional<String> location, long previous) {
        if (f.silent && f.log == null) {
            return;
        }
        EventDetails details = new EventDetails.EvaluationFailed(failure.error(), failure.cause().orElse(""), location,
                f.stateName);
        f.cursor = f.silent ? f.log.add(previous, now, EventType.EVALUATION_FAILED, details)
                : publish(previous, EventType.EVALUATION_FAILED, details);
    }

    // ---- leaving states -----------------------------------------------------------------------------

    /** Applies assignments evaluated earlier (JSONata: after all the state's expressions were evaluated). */
    void applyAssign(Fiber f, Map<String, JsonNode> assigned) {
        f.scope.assignAll(assigned);
    }

    /** True for a state in JSONata mode. */
    static boolean jsonata(State s) {
        return s.common().queryLanguage() == io.flowstate.asl.model.QueryLanguage.JSONATA;
    }

    /** Emits the state's Exited event and follows its transition. */
    void exit(Fiber f, State s, JsonNode output, Map<String, JsonNode> assigned, Transition transition) {
        if (exec.overPayloadLimit(output)) {
            failFiber(f, dataLimitExceeded(s.name()));
            return;
        }
        emit(f, EventType.stateExited(s.type()), new EventDetails.StateExited(s.name(), output,
                assigned.isEmpty() ? Optional.empty() : Optional.of(assigned)));
        follow(f, output, transition);
    }

    /** Moves to the next state, or completes the fiber at an End. */
    void follow(Fiber f, JsonNode output, Transition transition) {
        StepProbe p = probe(f);
        if (p != null) {
            // A state test ends where the state hands on.
            p.passed(output, transition instanceof Transition.Next n ? n.state() : null);
            f.phase = Fiber.Phase.SUCCEEDED;
            f.output = output;
            exec.status = ExecutionStatus.SUCCEEDED;
            return;
        }
        switch (transition) {
            case Transition.Next n -> {
                f.stateName = n.state();
                f.input = output;
                f.phase = Fiber.Phase.ENTER;
            }
            case Transition.End e -> succeedFiber(f, output);
        }
    }

    void succeedFiber(Fiber f, JsonNode output) {
        f.phase = Fiber.Phase.SUCCEEDED;
        f.output = output;
        if (exec.status != ExecutionStatus.RUNNING) {
            return;
        }
        if (f.parent == null) {
            exec.status = ExecutionStatus.SUCCEEDED;
            exec.output = output;
            emit(f, EventType.EXECUTION_SUCCEEDED, new EventDetails.Output(output));
            effects.add(new Effect.Complete(ExecutionStatus.SUCCEEDED, Optional.of(output), Optional.empty(),
                    Optional.empty()));
        } else {
            Children.childSucceeded(this, f);
        }
    }

    void failFiber(Fiber f, StateFailure failure) {
        if (failure.error().equals(ErrorNames.TIMEOUT) && failure.cause().filter(String::isEmpty).isPresent()) {
            // The empty Cause belongs to a Catch's error output only; the execution fails without one.
            failure = new StateFailure(failure.error(), Optional.empty());
        }
        StepProbe p = probe(f);
        f.phase = Fiber.Phase.FAILED;
        f.failure = failure;
        if (p != null) {
            p.failed(failure);
            exec.status = ExecutionStatus.FAILED;
            return;
        }
        if (exec.status != ExecutionStatus.RUNNING) {
            return;
        }
        if (f.parent == null) {
            exec.status = ExecutionStatus.FAILED;
            exec.failure = failure;
            emit(f, EventType.EXECUTION_FAILED, new EventDetails.Failure(Optional.of(failure.error())
                    .filter(x -> !x.isEmpty()), failure.cause()));
            effects.add(new Effect.Complete(ExecutionStatus.FAILED, Optional.empty(), Optional.of(failure.error()),
                    failure.cause()));
            cancelAll();
        } else {
            Children.childFailed(this, f);
        }
    }

    /** Drops every outstanding task and timer: the execution is over. */
    void cancelAll() {
        exec.tasks.clear();
        exec.timers.clear();
    }

    /** AWS's error for a state or task result over the 256 KiB payload limit. */
    static StateFailure dataLimitExceeded(String what) {
        return StateFailure.of(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + what
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /** A runtime error with AWS's prefix naming the state and its entered event. */
    StateFailure stateError(Fiber f, EvaluationException e) {
        return stateError(f, e.error(), e.cause());
    }

    StateFailure stateError(Fiber f, String error, String message) {
        return StateFailure.of(error, "An error occurred while executing the state '" + f.stateName
                + "' (entered at the event id #" + f.enteredEventId + "). " + message);
    }

    // ---- timers and tasks ---------------------------------------------------------------------------

    long startTimer(Instant dueAt, Execution.TimerKind kind, Fiber f, long taskId) {
        long id = exec.nextTimerId++;
        exec.timers.put(id, new Execution.PendingTimer(kind, f, taskId));
        effects.add(new Effect.StartTimer(id, dueAt));
        return id;
    }

    // ---- expressions --------------------------------------------------------------------------------

    /** The evaluation context for a fiber's current state with {@code $} bound to {@code input}. */
    EvalContext context(Fiber f, JsonNode input) {
        return new EvalContext(input, new Lazy<>(() -> contextObject(f)), f.scope, exec.random);
    }

    /** The context object {@code $$} as AWS shows it in the current state. */
    JsonNode contextObject(Fiber f) {
        return ContextObjects.of(this, f);
    }

    /**
     * Evaluates an Assign block against the state's values as of entry ({@code $} bound to {@code value}) and
     * applies it to the fiber's scope; returns what was assigned, for the Exited event.
     */
    Map<String, JsonNode> assign(Fiber f, Optional<Template> assign, JsonNode value) {
        Map<String, JsonNode> assigned = evaluateAssign(f, assign, value);
        f.scope.assignAll(assigned);
        return assigned;
    }

    /** Evaluates a JSONPath-mode Assign block without applying it (see {@link #applyAssign}). */
    Map<String, JsonNode> evaluateAssign(Fiber f, Optional<Template> assign, JsonNode value) {
        if (assign.isEmpty()) {
            return Map.of();
        }
        JsonNode result = assign.get().compiled().get().evaluate(context(f, value));
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        result.properties().forEach(e -> assigned.put(e.getKey(), e.getValue()));
        return assigned;
    }
}
