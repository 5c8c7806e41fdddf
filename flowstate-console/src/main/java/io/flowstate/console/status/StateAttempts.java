package io.flowstate.console.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attempts of states in a history: one per StateEntered, ended by the matching StateExited (the oldest open
 * entry of that name, which is right for loops and close enough for concurrent Map items), with the last error a
 * failure event gave it. Fed ascending events like {@link StatusDeriver}; keeps at most {@code limit} attempts,
 * so a history of 25,000 events cannot make a table of 6,000 rows.
 */
public final class StateAttempts {
    /** One entry into a state; {@code end} is empty while it runs or if it never exited. */
    public record Attempt(String state, String type, long enteredEventId, Instant start, Optional<Instant> end,
            Optional<String> error) {}

    private final int limit;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, Deque<Integer>> open = new HashMap<>();
    private final Map<Long, String> owners = new HashMap<>();
    private boolean truncated;

    /** Collects at most {@code limit} attempts. */
    public StateAttempts(int limit) {
        this.limit = limit;
    }

    /** Folds one event in. */
    public void accept(JsonNode event) {
        String type = event.path("type").asText("");
        long id = event.path("id").asLong();
        Instant at = instant(event.path("timestamp"));
        if (type.endsWith("StateEntered")) {
            String name = event.path("stateEnteredEventDetails").path("name").asText();
            owners.put(id, name);
            if (attempts.size() >= limit) {
                truncated = true;
                return;
            }
            open.computeIfAbsent(name, n -> new ArrayDeque<>()).add(attempts.size());
            attempts.add(new Attempt(name, type.substring(0, type.length() - "StateEntered".length()), id, at,
                    Optional.empty(), Optional.empty()));
        } else if (type.endsWith("StateExited")) {
            String name = event.path("stateExitedEventDetails").path("name").asText();
            owners.put(id, name);
            Integer index = open.getOrDefault(name, new ArrayDeque<>()).poll();
            if (index != null) {
                Attempt a = attempts.get(index);
                attempts.set(index, new Attempt(a.state(), a.type(), a.enteredEventId(), a.start(), Optional.of(at), a.error()));
            }
        } else if (!type.startsWith("Execution") && !type.startsWith("MapIteration") && !type.startsWith("MapState")
                && !type.startsWith("ParallelState")) {
            // (A Parallel's or Map's own events point into a branch through previousEventId: not the branch's.)
            String owner = owners.get(event.path("previousEventId").asLong());
            if (owner == null) {
                return;
            }
            owners.put(id, owner);
            Deque<Integer> entries = open.get(owner);
            if ((type.endsWith("Failed") || type.endsWith("TimedOut")) && entries != null && !entries.isEmpty()) {
                int index = entries.peekLast();
                Attempt a = attempts.get(index);
                String error = errorOf(event);
                attempts.set(index, new Attempt(a.state(), a.type(), a.enteredEventId(), a.start(), a.end(),
                        Optional.of(error)));
            }
        }
    }

    /** The attempts in the order they began. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Whether attempts were left out because there were more than the limit. */
    public boolean truncated() {
        return truncated;
    }

    /** The {@code error} of an event's details, or its type when it names none. */
    static String errorOf(JsonNode event) {
        for (JsonNode details : event) {
            if (details.isObject() && details.has("error")) {
                return details.path("error").asText();
            }
        }
        return event.path("type").asText();
    }

    /** An event's {@code timestamp}: epoch seconds with a fraction, as the API writes it. */
    public static Instant instant(JsonNode timestamp) {
        if (timestamp.isNumber()) {
            return Instant.ofEpochMilli(timestamp.decimalValue().movePointRight(3).longValue());
        }
        try {
            return Instant.ofEpochMilli(new BigDecimal(timestamp.asText("0")).movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return Instant.parse(timestamp.asText());
        }
    }
}
