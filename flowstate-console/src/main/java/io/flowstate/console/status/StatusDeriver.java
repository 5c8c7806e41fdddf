package io.flowstate.console.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out each state's {@link StateStatus} from an execution's history events (the AWS JSON shape that
 * GetExecutionHistory returns), fed in ascending order one page at a time, so a long history is never held whole.
 *
 * <p>AWS's events name their state only on StateEntered and StateExited; a Task's or Lambda's events are tied to
 * their state through {@code previousEventId}, and a Parallel's or Map's own events (ParallelStateFailed...) to the
 * innermost open container of that type, because their {@code previousEventId} points into a branch. A failure event
 * marks the state's open entry as erring; a success event (a retry that worked) clears it; the exit then tells a
 * caught error from a success. Entries left open are settled when their container fails or the execution ends: the state
 * that failed the execution (and the containers around it) as FAILED, the rest as CANCELLED.
 *
 * <p>A state that runs several times (a loop, Map iterations) shows its last outcome, except inside a Map, where
 * the worst outcome of all items shows, as one failed item matters more than the many that worked.
 */
public final class StatusDeriver {
    private final StateTree tree;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<Long, String> owners = new HashMap<>();
    /** Open Parallel and Map states, innermost (most recently entered) last. */
    private final List<String> openContainers = new ArrayList<>();
    private boolean running = true;
    private long transitions;
    private String failing;

    /** A derivation over the states of {@code tree}. */
    public StatusDeriver(StateTree tree) {
        this.tree = tree;
    }

    /** Folds one event in; events must come in ascending id order. */
    public void accept(JsonNode event) {
        String type = event.path("type").asText("");
        long id = event.path("id").asLong();
        long previous = event.path("previousEventId").asLong();
        if (type.endsWith("StateEntered")) {
            String name = event.path("stateEnteredEventDetails").path("name").asText();
            owners.put(id, name);
            tally(name).open++;
            transitions++;
            if (isContainer(name)) {
                openContainers.add(name);
            }
        } else if (type.endsWith("StateExited")) {
            String name = event.path("stateExitedEventDetails").path("name").asText();
            owners.put(id, name);
            Tally t = tally(name);
            if (t.open > 0) {
                t.open--;
            }
            record(name, t.erring > 0 ? StateStatus.CAUGHT_ERROR : StateStatus.SUCCEEDED);
            t.erring = Math.max(0, t.erring - 1);
            if (isContainer(name)) {
                // Not settling what is inside: in a Map, other items' entries of the same states may still run.
                openContainers.remove(name);
            }
        } else if (type.equals("ExecutionFailed") || type.equals("ExecutionTimedOut")) {
            failing = owners.get(previous);
            endExecution(failing);
        } else if (type.equals("ExecutionAborted") || type.equals("ExecutionSucceeded")) {
            endExecution(null);
        } else if (type.equals("ExecutionRedriven")) {
            running = true;
            failing = null;
        } else if (!type.startsWith("Execution") && !type.startsWith("MapIteration")) {
            String owner = ownerOf(type, previous);
            if (owner != null) {
                owners.put(id, owner);
                Tally t = tally(owner);
                if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                    t.erring = Math.min(Math.max(t.open, 1), t.erring + 1);
                    if (isContainer(owner)) {
                        settleInside(owner, null);
                    }
                } else if (type.endsWith("Succeeded")) {
                    t.erring = Math.max(0, t.erring - 1);
                }
            }
        }
    }

    private String ownerOf(String type, long previous) {
        String containerType = type.startsWith("ParallelState") ? "Parallel"
                : type.startsWith("MapState") || type.startsWith("MapRun") ? "Map" : null;
        if (containerType == null) {
            return owners.get(previous);
        }
        for (int i = openContainers.size() - 1; i >= 0; i--) {
            String name = openContainers.get(i);
            if (tree.type(name).orElse("").equals(containerType)) {
                return name;
            }
        }
        return null;
    }

    private void endExecution(String culprit) {
        running = false;
        openContainers.clear();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            String name = e.getKey();
            boolean failed = culprit != null && (name.equals(culprit) || tree.inside(culprit, name));
            settle(name, e.getValue(), failed);
        }
    }

    /** Settles the open entries of the states inside {@code container}: its branches ended or were abandoned. */
    private void settleInside(String container, String culprit) {
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            if (tree.inside(e.getKey(), container)) {
                openContainers.remove(e.getKey());
                settle(e.getKey(), e.getValue(), e.getKey().equals(culprit));
            }
        }
    }

    private void settle(String name, Tally t, boolean failed) {
        if (t.open == 0) {
            return;
        }
        boolean fail = failed || t.erring > 0 || tree.type(name).orElse("").equals("Fail");
        record(name, fail ? StateStatus.FAILED : StateStatus.CANCELLED);
        t.open = 0;
        t.erring = 0;
    }

    private void record(String name, StateStatus outcome) {
        Tally t = tally(name);
        if (t.outcome == null || !tree.insideMap(name) || rank(outcome) > rank(t.outcome)) {
            t.outcome = outcome;
        }
    }

    private static int rank(StateStatus s) {
        return switch (s) {
            case NOT_STARTED -> 0;
            case SUCCEEDED -> 1;
            case CANCELLED -> 2;
            case IN_PROGRESS -> 3;
            case CAUGHT_ERROR -> 4;
            case FAILED -> 5;
        };
    }

    private boolean isContainer(String name) {
        String type = tree.type(name).orElse("");
        return type.equals("Parallel") || type.equals("Map");
    }

    private Tally tally(String name) {
        return tallies.computeIfAbsent(name, n -> new Tally());
    }

    /** The status of state {@code name} after the events so far. */
    public StateStatus status(String name) {
        Tally t = tallies.get(name);
        if (t == null) {
            return StateStatus.NOT_STARTED;
        }
        if (t.open > 0 && running) {
            return StateStatus.IN_PROGRESS;
        }
        return t.outcome == null ? StateStatus.NOT_STARTED : t.outcome;
    }

    /** Every state of the definition with its status. */
    public Map<String, StateStatus> statuses() {
        Map<String, StateStatus> all = new HashMap<>();
        tree.names().forEach(n -> all.put(n, status(n)));
        return all;
    }

    /** How many states were entered (each entry of a loop or Map item counts). */
    public long transitions() {
        return transitions;
    }

    /** The state whose failure ended the execution, if it failed or timed out in a state. */
    public Optional<String> failingState() {
        return Optional.ofNullable(failing);
    }

    /** One state's counts: entries still open, how many of them have an error not yet caught, last outcome. */
    private static final class Tally {
        int open;
        int erring;
        StateStatus outcome;
    }
}
