package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The children of a running Parallel or Map state: their fibers, results, and (for Map) the items still to
 * start. The owner fiber waits in {@link Fiber.Phase#AWAIT_CHILDREN} until the group settles.
 */
final class ChildGroup {
    /** Parallel branches or Map iterations. */
    enum Kind { PARALLEL, MAP }

    final Kind kind;
    final Fiber owner;
    final JsonNode[] results;
    /** In start order; a set, so that a child ending is not a scan of up to MaxConcurrency running siblings. */
    final Set<Fiber> running = new LinkedHashSet<>();
    /** Every child started so far, by index (null: a Map iteration not started yet); a redrive keeps the succeeded. */
    final Fiber[] fibers;
    /** Map only: the iteration inputs, started in order. */
    final JsonNode[] itemInputs;
    /**
     * Distributed Map with an ItemBatcher: how many items each child's batch holds (null: one item each). The
     * tolerated-failure thresholds and the Map Run's item counts count items, not child executions.
     */
    int[] itemCounts;
    /** How many items the group processes in all. */
    int totalItems;
    /** 0: no limit. UpdateMapRun may change it on a Distributed Map's run. */
    int maxConcurrency;
    int nextToStart;
    int remaining;
    int failures;
    boolean distributed;
    long toleratedFailureCount = 0;
    double toleratedFailurePercentage = 0;
    /** Distributed Map only: the Map Run's ARN, which a redrive of the parent keeps. */
    String mapRunArn;
    /** Distributed Map only: how many times a redrive of the parent redrove the Map Run. */
    int redriveCount;
    java.time.Instant redriveTime;

    ChildGroup(Kind kind, Fiber owner, int size, JsonNode[] itemInputs, int maxConcurrency) {
        this.kind = kind;
        this.owner = owner;
        this.results = new JsonNode[size];
        this.fibers = new Fiber[size];
        this.itemInputs = itemInputs;
        this.maxConcurrency = maxConcurrency;
        this.remaining = size;
        this.totalItems = size;
    }

    /** How many items child {@code index} processes. */
    int items(int index) {
        return itemCounts == null ? 1 : itemCounts[index];
    }

    /** Batches the group's children: child {@code i} processes {@code counts[i]} items. */
    void batched(int[] counts) {
        itemCounts = counts;
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        totalItems = total;
    }
}
