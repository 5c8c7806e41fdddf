package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Distributed Map run as it stands: its settings (as evaluated, or as UpdateMapRun changed them) and each
 * item's child execution. Flowstate runs the children inside the parent, so this is what there is to show of
 * them; a snapshot, immutable.
 *
 * @param redriveCount how many times a redrive of the parent redrove this run
 * @param redriveDate when it last did
 * @param items one per item, in item order
 */
public record MapRunView(String mapRunArn, int maxConcurrency, double toleratedFailurePercentage,
        long toleratedFailureCount, int redriveCount, Optional<Instant> redriveDate, List<Item> items) {
    public MapRunView {
        requireNonNull(mapRunArn, "mapRunArn is null");
        requireNonNull(redriveDate, "redriveDate is null");
        items = List.copyOf(items);
    }

    /** How an item's child execution stands; PENDING: not started yet. */
    public enum ItemStatus { PENDING, RUNNING, SUCCEEDED, FAILED, ABORTED }

    /**
     * One item's child execution: its status, whether the redriven run is still to start it again (it shows
     * how it ended until then), when its latest attempt started and ended, how many times a redrive ran it
     * again, its input, and its output or error once it ended; {@code itemCount} is how many of the run's items it
     * processes (more than one with an ItemBatcher: its input is the batch).
     */
    public record Item(int index, ItemStatus status, boolean pendingRedrive, Optional<Instant> startDate,
            Optional<Instant> stopDate, int redriveCount, JsonNode input, Optional<JsonNode> output,
            Optional<String> error, Optional<String> cause, int itemCount) {
        public Item {
            if (itemCount < 1) {
                throw new IllegalArgumentException("itemCount must be positive: " + itemCount);
            }
            requireNonNull(status, "status is null");
            requireNonNull(startDate, "startDate is null");
            requireNonNull(stopDate, "stopDate is null");
            requireNonNull(input, "input is null");
            requireNonNull(output, "output is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    static MapRunView of(Execution exec, ChildGroup g) {
        // The run is in flight while its Map state waits on it in a running execution.
        boolean running = g.owner.children == g && exec.status == ExecutionStatus.RUNNING;
        List<Item> items = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) {
            Fiber f = g.fibers.get(i);
            if (f == ChildGroup.DONE) {
                // An Express child let go once it succeeded: counted, not described (AWS lists no Express child).
                items.add(new Item(i, ItemStatus.SUCCEEDED, false, Optional.empty(), Optional.empty(), 0,
                        com.fasterxml.jackson.databind.node.NullNode.getInstance(), Optional.empty(), Optional.empty(),
                        Optional.empty(), g.items(i)));
                continue;
            }
            if (f == null) {
                items.add(new Item(i, ItemStatus.PENDING, false, Optional.empty(), Optional.empty(), 0,
                        g.itemInputs.get(i), Optional.empty(), Optional.empty(), Optional.empty(), g.items(i)));
                continue;
            }
            // A redriven run starts again, in index order, every child that did not succeed.
            boolean restarted = i < g.nextToStart;
            ItemStatus status = switch (f.phase) {
                case SUCCEEDED -> ItemStatus.SUCCEEDED;
                case FAILED -> ItemStatus.FAILED;
                case ABORTED -> ItemStatus.ABORTED;
                // Mid-state: running, unless its execution stopped under it (and no redrive started it again).
                case ENTER, AWAIT_TASK, AWAIT_TIMER, AWAIT_RETRY, AWAIT_CHILDREN ->
                        running && restarted ? ItemStatus.RUNNING : ItemStatus.ABORTED;
            };
            boolean pendingRedrive = running && !restarted && status != ItemStatus.SUCCEEDED;
            items.add(new Item(i, status, pendingRedrive, Optional.ofNullable(f.startedAt),
                    status == ItemStatus.RUNNING ? Optional.empty() : Optional.ofNullable(f.stoppedAt), f.redriveCount,
                    g.itemInputs.get(i), status == ItemStatus.SUCCEEDED ? Optional.ofNullable(f.output) : Optional.empty(),
                    failure(status, f).map(StateFailure::error), failure(status, f).flatMap(StateFailure::cause),
                    g.items(i)));
        }
        return new MapRunView(g.mapRunArn, g.maxConcurrency, g.toleratedFailurePercentage, g.toleratedFailureCount,
                g.redriveCount, Optional.ofNullable(g.redriveTime), items);
    }

    private static Optional<StateFailure> failure(ItemStatus status, Fiber f) {
        return status == ItemStatus.FAILED ? Optional.ofNullable(f.failure) : Optional.empty();
    }
}
