package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Distributed Map runs of one execution, read back from its history: the engine runs their iterations
 * silently (AWS records them in child executions, which Flowstate does not keep), so the parent's
 * {@code MapRunStarted}, {@code MapStateStarted}, {@code MapRunRedriven} and {@code MapRunSucceeded/Failed/Aborted}
 * events tell its lifetime (its items are read from the interpreter, see {@link MapRunService}).
 */
final class MapRuns {
    private MapRuns() {}

    /** How a Map Run stands, as DescribeMapRun names it. */
    enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED }

    /**
     * One Map Run: its ARN, the Map state that ran it, when it started and ended, how many items it had, how it
     * ended, and how many times a redrive of the execution redrove it (and when it last did).
     */
    record Run(String mapRunArn, Optional<String> stateName, Instant startDate, Optional<Instant> stopDate,
            int length, Status status, int redriveCount, Optional<Instant> redriveDate) {
        Run {
            requireNonNull(mapRunArn, "mapRunArn is null");
            requireNonNull(stateName, "stateName is null");
            requireNonNull(startDate, "startDate is null");
            requireNonNull(stopDate, "stopDate is null");
            requireNonNull(status, "status is null");
            requireNonNull(redriveDate, "redriveDate is null");
        }
    }

    /**
     * The runs in {@code history}, in start order. A run without an end event is RUNNING while the execution is,
     * and ABORTED once it ended (AWS aborts the Map Run of an execution that stops).
     */
    static List<Run> fromHistory(List<HistoryEvent> history, boolean executionRunning, Optional<Instant> executionStop) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        // Start event id -> the run's end event, once found; insertion order is start order.
        Map<Long, HistoryEvent> open = new LinkedHashMap<>();
        Map<Long, HistoryEvent> ends = new HashMap<>();
        // Start event id -> the run's MapRunRedriven events: each opens the run again.
        Map<Long, List<HistoryEvent>> redrives = new HashMap<>();
        for (HistoryEvent e : history) {
            byId.put(e.id(), e);
            switch (e.type()) {
                case MAP_RUN_STARTED -> open.put(e.id(), e);
                case MAP_RUN_REDRIVEN -> {
                    String arn = ((EventDetails.Redriven) e.details()).mapRunArn().orElse("");
                    for (HistoryEvent start : open.values()) {
                        if (((EventDetails.MapRunStarted) start.details()).mapRunArn().equals(arn)) {
                            ends.remove(start.id());
                            redrives.computeIfAbsent(start.id(), k -> new ArrayList<>()).add(e);
                        }
                    }
                }
                case MAP_RUN_SUCCEEDED, MAP_RUN_FAILED, MAP_RUN_ABORTED -> {
                    Long start = startOf(e, byId, open, ends);
                    if (start != null) {
                        ends.put(start, e);
                    }
                }
                default -> { }
            }
        }
        List<Run> runs = new ArrayList<>();
        for (HistoryEvent start : open.values()) {
            String arn = ((EventDetails.MapRunStarted) start.details()).mapRunArn();
            HistoryEvent end = ends.get(start.id());
            Optional<HistoryEvent> mapStarted = back(start, byId, EventType.MAP_STATE_STARTED);
            int length = mapStarted.map(m -> ((EventDetails.MapStateStarted) m.details()).length()).orElse(0);
            Optional<String> name = back(start, byId, EventType.MAP_STATE_ENTERED)
                    .map(m -> ((EventDetails.StateEntered) m.details()).name());
            Status status;
            Optional<Instant> stop;
            if (end != null) {
                status = switch (end.type()) {
                    case MAP_RUN_SUCCEEDED -> Status.SUCCEEDED;
                    case MAP_RUN_FAILED -> Status.FAILED;
                    default -> Status.ABORTED;
                };
                stop = Optional.of(end.timestamp());
            } else {
                status = executionRunning ? Status.RUNNING : Status.ABORTED;
                stop = executionRunning ? Optional.empty() : executionStop;
            }
            List<HistoryEvent> redriven = redrives.getOrDefault(start.id(), List.of());
            runs.add(new Run(arn, name, start.timestamp(), stop, length, status, redriven.size(),
                    redriven.isEmpty() ? Optional.empty() : Optional.of(redriven.get(redriven.size() - 1).timestamp())));
        }
        return runs;
    }

    /**
     * The start event an end event closes. Its {@code previousEventId} chain runs back through the run's own
     * events to its MapRunStarted; a nested run met on the way has already been closed (it ended first). When
     * the chain does not lead to an open run, the latest open one is taken.
     */
    private static Long startOf(HistoryEvent end, Map<Long, HistoryEvent> byId, Map<Long, HistoryEvent> open,
            Map<Long, HistoryEvent> ends) {
        for (HistoryEvent e = byId.get(end.previousEventId()); e != null; e = byId.get(e.previousEventId())) {
            if (e.type() == EventType.MAP_RUN_STARTED && !ends.containsKey(e.id())) {
                return e.id();
            }
            if (e.previousEventId() >= e.id()) {
                break;
            }
        }
        Long latest = null;
        for (Long id : open.keySet()) {
            if (!ends.containsKey(id)) {
                latest = id;
            }
        }
        return latest;
    }

    /** The nearest event of {@code type} up the {@code previousEventId} chain of {@code from}. */
    private static Optional<HistoryEvent> back(HistoryEvent from, Map<Long, HistoryEvent> byId, EventType type) {
        for (HistoryEvent e = byId.get(from.previousEventId()); e != null; e = byId.get(e.previousEventId())) {
            if (e.type() == type) {
                return Optional.of(e);
            }
            if (e.previousEventId() >= e.id()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The Map state called {@code name} anywhere in {@code machine} (ASL state names are unique machine-wide). */
    static Optional<MapState> mapState(StateMachine machine, String name) {
        for (State s : machine.states().values()) {
            if (s instanceof MapState m) {
                if (m.name().equals(name)) {
                    return Optional.of(m);
                }
                Optional<MapState> inner = mapState(m.itemProcessor(), name);
                if (inner.isPresent()) {
                    return inner;
                }
            } else if (s instanceof ParallelState p) {
                for (StateMachine branch : p.branches()) {
                    Optional<MapState> inner = mapState(branch, name);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
