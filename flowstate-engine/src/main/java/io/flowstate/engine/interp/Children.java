package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.State;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens when a Parallel branch or Map iteration ends: results are collected, more iterations start,
 * and the owner state completes or fails. A failure aborts the siblings still running.
 */
final class Children {
    private Children() {}

    static void childSucceeded(Run r, Fiber child) {
        if (child.group.distributed) {
            r.emit(child, EventType.EXECUTION_SUCCEEDED, new EventDetails.Output(child.output));
        } else if (child.group.kind == ChildGroup.Kind.MAP) {
            r.emitDetached(child, EventType.MAP_ITERATION_SUCCEEDED,
                    new EventDetails.MapIteration(child.group.owner.stateName, child.index));
        }
        childSucceededTolerated(r, child);
    }

    /** Whether the failures so far are within the thresholds; both count items (a failed batch: all its items). */
    static boolean tolerated(ChildGroup g) {
        int total = g.totalItems;
        return g.failures <= g.toleratedFailureCount
                || (g.toleratedFailurePercentage > 0 && g.failures * 100.0 / total <= g.toleratedFailurePercentage);
    }

    private static void childSucceededTolerated(Run r, Fiber child) {
        ChildGroup g = child.group;
        child.stoppedAt = r.now;
        Fiber owner = g.owner;
        g.results.set(child.index, child.output);
        g.running.remove(child);
        g.remaining--;
        if (g.kind == ChildGroup.Kind.MAP) {
            if (!g.distributed) {
                // (A child execution's events are on ids of its own.)
                owner.cursor = Math.max(owner.cursor, child.cursor);
            } else if (child.phase == Fiber.Phase.SUCCEEDED) {
                ResultParts.succeeded(r, g, child);
            }
            startIterations(r, g);
        }
        if (settles(g)) {
            settled(r, g);
            r.resume(owner);
        }
    }

    /**
     * Whether every child of {@code g} ended and nothing is left to do before its owner goes on: no item left to
     * read, no part of the results being written.
     */
    static boolean settles(ChildGroup g) {
        return g.remaining == 0 && (g.stream == null || (!g.stream.pending() && g.stream.taskId < 0))
                && (g.parts == null || g.parts.taskId < 0);
    }

    /**
     * Stops a run that failed: its running children are aborted, and the reads and writes it has out are
     * forgotten (their answers, if any come, are ignored).
     */
    static void stopRun(Run r, ChildGroup g) {
        for (Fiber sibling : new ArrayList<>(g.running)) {
            abort(r, sibling);
        }
        g.running.clear();
        forgetIo(r, g);
    }

    /** Forgets the window read and the result part {@code g} has out. */
    static void forgetIo(Run r, ChildGroup g) {
        if (g.stream != null && g.stream.taskId >= 0) {
            r.exec.tasks.remove(g.stream.taskId);
            g.stream.taskId = -1;
        }
        if (g.parts != null && g.parts.taskId >= 0) {
            r.exec.tasks.remove(g.parts.taskId);
            g.parts.taskId = -1;
        }
    }

    /**
     * Every child of {@code g} succeeded (or failed within tolerance): the owner state publishes its success and
     * goes on with the results in item or branch order. The caller puts the owner back on the run queue if needed.
     */
    static void settled(Run r, ChildGroup g) {
        Fiber owner = g.owner;
        if (!g.distributed) {
            owner.cursor = owner.log != null ? owner.log.lastId : r.exec.lastEventId;
        }
        // A run writing its results in parts has let them go: its output is the writer's answer.
        boolean kept = g.parts == null || !g.parts.sent;
        ArrayNode results = Json.nodes().arrayNode(kept ? g.size() : 0);
        for (int i = 0; kept && i < g.size(); i++) {
            results.add(g.results.get(i));
        }
        r.exec.resultArray(results);
        State s = owner.machine.state(owner.stateName);
        if (g.distributed) {
            // A run over an ItemReader's items ends on the Map's own thread of events: AWS's MapStateExited then
            // follows MapRunSucceeded (recorded: the map_item_reader_* scenarios).
            if (owner.readItems != null) {
                r.emit(owner, EventType.MAP_RUN_SUCCEEDED, EventDetails.NONE);
            } else {
                r.emitDetached(owner, EventType.MAP_RUN_SUCCEEDED, EventDetails.NONE);
            }
        }
        // As AWS records: Succeeded follows the last event published, Exited the owner's own cursor.
        r.emitAfterLast(owner, g.kind == ChildGroup.Kind.MAP ? EventType.MAP_STATE_SUCCEEDED
                : EventType.PARALLEL_STATE_SUCCEEDED, EventDetails.NONE);
        owner.children = null;
        owner.phase = Fiber.Phase.ENTER;
        switch (s) {
            case ParallelState p -> ParallelStep.completed(r, owner, p, results);
            case MapState m -> MapStep.completed(r, owner, m, results);
            default -> throw new IllegalStateException("children of " + s.type());
        }
    }

    /**
     * A Distributed Map's child stopped by StopExecution: aborted (its history ends ExecutionAborted), and an
     * unsuccessful item to its run, which goes on within its tolerance.
     */
    static void childStopped(Run r, Fiber child, StateFailure failure) {
        abort(r, child);
        child.failure = failure;
        failed(r, child, false);
    }

    static void childFailed(Run r, Fiber child) {
        failed(r, child, true);
    }

    private static void failed(Run r, Fiber child, boolean logEnd) {
        ChildGroup g = child.group;
        child.stoppedAt = r.now;
        Fiber owner = g.owner;
        g.running.remove(child);
        if (g.distributed && logEnd) {
            r.emit(child, EventType.EXECUTION_FAILED, new EventDetails.Failure(
                    java.util.Optional.of(child.failure.error()).filter(x -> !x.isEmpty()), child.failure.cause()));
        }
        if (g.kind == ChildGroup.Kind.MAP) {
            if (!g.distributed) {
                r.emitDetached(child, EventType.MAP_ITERATION_FAILED, new EventDetails.MapIteration(owner.stateName, child.index));
            }
            g.failures += g.items(child.index);
            if (tolerated(g)) {
                com.fasterxml.jackson.databind.node.ObjectNode err = Json.object();
                err.put("Error", child.failure.error());
                child.failure.cause().ifPresent(c -> err.put("Cause", c));
                child.output = err;
                g.running.add(child);
                childSucceededTolerated(r, child);
                return;
            }
        }
        stopRun(r, g);
        if (!child.silent || (child.log != null && !g.distributed)) {
            owner.cursor = child.cursor;
        }
        State s = owner.machine.state(owner.stateName);
        if (g.distributed) {
            r.emit(owner, EventType.MAP_RUN_FAILED, EventDetails.Failure.of(
                    ErrorNames.EXCEEDS_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded"));
        }
        owner.children = null;
        owner.phase = Fiber.Phase.ENTER;
        StateFailure failure = overThreshold(s, g) ? StateFailure.of(ErrorNames.EXCEEDS_TOLERATED_FAILURE_THRESHOLD,
                "The specified tolerated failure threshold was exceeded") : child.failure;
        if (g.distributed && s instanceof MapState m && ItemWrites.afterFailure(r, owner, m, g, failure)) {
            // The failed run's results are written first (Children with their statuses); the failure follows.
            return;
        }
        failed(r, owner, s, g, failure);
        r.resume(owner);
    }

    /**
     * Whether a Map that failed did so by going over its failure budget: then it fails with
     * {@code States.ExceedToleratedFailureThreshold}, the error its {@code MapRunFailed} names, not with the last
     * item's error. A Distributed Map always has a budget: AWS's "tolerated failure threshold" page says the
     * default is zero, "which means the workflow fails if any one of its child workflow executions fails", and
     * that Step Functions returns this error when the Map Run fails for exceeding it (TestState recordings show
     * the error and its cause). An inline Map has none and fails with the item's own error.
     */
    private static boolean overThreshold(State s, ChildGroup g) {
        return s instanceof MapState m && (g.distributed
                || m.toleratedFailureCount().isPresent() || m.toleratedFailurePercentage().isPresent());
    }

    /**
     * The owner state fails with {@code failure} after its children did ({@code g}): a Retry starts it again, or
     * it fails (Catch applies). The caller puts the owner back on the run queue.
     */
    static void failed(Run r, Fiber owner, State s, ChildGroup g, StateFailure failure) {
        // AWS starts a retry without a Map/ParallelStateFailed event; it records one only when the error goes on.
        if (!ErrorHandling.retry(r, owner, s, failure)) {
            // A redrive runs again only the children that did not succeed: keep them all until then.
            owner.unfinished = g;
            r.emit(owner, g.kind == ChildGroup.Kind.MAP ? EventType.MAP_STATE_FAILED : EventType.PARALLEL_STATE_FAILED,
                    EventDetails.NONE);
            ErrorHandling.fail(r, owner, s, failure);
        }
    }

    /** Starts Map iterations while the concurrency limit allows. */
    static void startIterations(Run r, ChildGroup g) {
        while (g.nextToStart < g.size() && (g.maxConcurrency == 0 || g.running.size() < g.maxConcurrency)) {
            int i = g.nextToStart++;
            Fiber it = g.fibers.get(i);
            if (it != null && it.phase == Fiber.Phase.SUCCEEDED) {
                // Redriven: this iteration's result is kept, it does not run again.
                continue;
            }
            if (it == null) {
                Fiber owner = g.owner;
                MapState m = (MapState) owner.machine.state(owner.stateName);
                // A Distributed Map's items are child executions: they do not see the parent's variables.
                Scope scope = new Scope(g.distributed ? null : owner.scope);
                it = new Fiber(m.itemProcessor(), owner, g, i, scope, g.itemInputs.get(i), owner.cursor);
                it.silent = owner.silent || g.distributed;
                it.log = g.distributed ? (r.exec.captureChildren ? new ChildLog() : null) : owner.log;
                it.createdAt = r.now;
                g.fibers.set(i, it);
            } else {
                // Redriven: a failed or aborted iteration runs on from the state it did not finish.
                Redrive.reset(it);
                it.announced = false;
                it.redriveCount++;
            }
            it.startedAt = r.now;
            it.stoppedAt = null;
            g.running.add(it);
            r.schedule(it);
        }
        // A streamed run reads on while fewer children are ready to start than it may run at once.
        ItemStream st = g.stream;
        if (st != null && st.more && st.taskId < 0
                && g.size() - g.nextToStart < (g.maxConcurrency > 0 ? g.maxConcurrency : ItemStream.READY_UNLIMITED)) {
            ItemReads.nextWindow(r, g);
        }
    }

    /** Stops a fiber and everything under it; its outstanding task or timer is forgotten. */
    static void abort(Run r, Fiber f) {
        if (f.isDone()) {
            return;
        }
        if (f.children != null) {
            for (Fiber c : new ArrayList<>(f.children.running)) {
                abort(r, c);
            }
            forgetIo(r, f.children);
        }
        boolean waiting = f.phase == Fiber.Phase.AWAIT_TASK || f.phase == Fiber.Phase.AWAIT_TIMER
                || f.phase == Fiber.Phase.AWAIT_RETRY || f.phase == Fiber.Phase.AWAIT_CHILDREN;
        r.exec.tasks.remove(f.pendingTaskId);
        r.exec.timers.remove(f.pendingTimerId);
        f.phase = Fiber.Phase.ABORTED;
        f.stoppedAt = r.now;
        if (waiting) {
            State s = f.machine.state(f.stateName);
            EventType aborted = switch (s.type()) {
                case "Task" -> EventType.TASK_STATE_ABORTED;
                case "Wait" -> EventType.WAIT_STATE_ABORTED;
                case "Map" -> EventType.MAP_STATE_ABORTED;
                case "Parallel" -> EventType.PARALLEL_STATE_ABORTED;
                default -> null;
            };
            if (aborted != null) {
                r.emit(f, aborted, EventDetails.NONE);
            }
        }
        if (f.group != null && f.group.distributed && f.announced) {
            r.emit(f, EventType.EXECUTION_ABORTED, EventDetails.Failure.of(null, null));
        } else if (f.group != null && f.group.kind == ChildGroup.Kind.MAP && f.announced) {
            r.emitDetached(f, EventType.MAP_ITERATION_ABORTED, new EventDetails.MapIteration(f.group.owner.stateName, f.index));
        }
    }

    static List<Fiber> branches(Run r, Fiber owner, ParallelState p, ChildGroup g) {
        List<Fiber> fibers = new ArrayList<>();
        for (int i = 0; i < p.branches().size(); i++) {
            Fiber b = new Fiber(p.branches().get(i), owner, g, i, new Scope(owner.scope), owner.effectiveInput,
                    owner.cursor);
            b.silent = owner.silent;
            b.log = owner.log;
            b.announced = true;
            g.fibers.set(i, b);
            fibers.add(b);
        }
        return fibers;
    }
}
