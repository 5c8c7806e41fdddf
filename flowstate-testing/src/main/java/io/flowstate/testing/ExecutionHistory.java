package io.flowstate.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.history.PayloadWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's history events as AWS would record them, with the questions tests ask of them: which states
 * ran in which order, how often a state was retried, and the GetExecutionHistory JSON (for golden files).
 * A snapshot: it does not change as the execution goes on.
 */
public final class ExecutionHistory {
    /** Events that start one attempt of a state (a task call, a Parallel or Map run), and that state's Entered. */
    private static final Map<EventType, EventType> ATTEMPTS = Map.of(
            EventType.TASK_SCHEDULED, EventType.TASK_STATE_ENTERED,
            EventType.LAMBDA_FUNCTION_SCHEDULED, EventType.TASK_STATE_ENTERED,
            EventType.ACTIVITY_SCHEDULED, EventType.TASK_STATE_ENTERED,
            EventType.PARALLEL_STATE_STARTED, EventType.PARALLEL_STATE_ENTERED,
            EventType.MAP_STATE_STARTED, EventType.MAP_STATE_ENTERED);

    private final List<HistoryEvent> events;
    private final PayloadWriter payloads;

    ExecutionHistory(List<HistoryEvent> events, PayloadWriter payloads) {
        this.events = List.copyOf(events);
        this.payloads = payloads;
    }

    /** The events, ids from 1. */
    public List<HistoryEvent> events() {
        return events;
    }

    /** The event types in order. */
    public List<EventType> types() {
        return events.stream().map(HistoryEvent::type).toList();
    }

    /** The names of the states entered, in order, nested ones (Parallel branches, Map iterations) included. */
    public List<String> visitedStates() {
        return events.stream().filter(e -> e.details() instanceof EventDetails.StateEntered)
                .map(e -> ((EventDetails.StateEntered) e.details()).name()).toList();
    }

    /** How many attempts state {@code stateName} made over all its entries (task calls, Parallel/Map runs). */
    public int attempts(String stateName) {
        return attemptsByEntry(stateName).stream().mapToInt(Integer::intValue).sum();
    }

    /** How many times {@code Retry} ran state {@code stateName} again, over all its entries. */
    public int retries(String stateName) {
        return attemptsByEntry(stateName).stream().mapToInt(n -> Math.max(0, n - 1)).sum();
    }

    /**
     * The attempts of each entry of {@code stateName}. Following {@code previousEventId} (the previous event of
     * the same branch or iteration) back from an attempt reaches the Entered event of its state, however
     * Parallel branches interleave; a Parallel's second attempt follows its failed branch's events, so the walk
     * looks for the Entered event of the attempt's own state type, passing over those of nested states.
     */
    private List<Integer> attemptsByEntry(String stateName) {
        Map<Long, Integer> byEntry = new HashMap<>();
        for (HistoryEvent e : events) {
            EventType entered = ATTEMPTS.get(e.type());
            if (entered != null) {
                HistoryEvent at = e;
                while (at.previousEventId() > 0 && at.type() != entered) {
                    at = events.get((int) at.previousEventId() - 1);
                }
                if (at.details() instanceof EventDetails.StateEntered s && s.name().equals(stateName)) {
                    byEntry.merge(at.id(), 1, Integer::sum);
                }
            }
        }
        return new ArrayList<>(byEntry.values());
    }

    /** {@code {"events": [...]}} as GetExecutionHistory returns it. */
    public ObjectNode toJson() {
        return HistoryJson.history(events, payloads);
    }

    /** {@link #toJson()}, pretty-printed: what golden files hold. */
    public String toPrettyJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
