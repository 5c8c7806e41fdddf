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
    /** By child index: each child's result once it succeeded (or ended within the tolerated failures). */
    final Slots<JsonNode> results = new Slots<>();
    /** In start order; a set, so that a child ending is not a scan of up to MaxConcurrency running siblings. */
    final Set<Fiber> running = new LinkedHashSet<>();
    /**
     * Every child started so far, by index (null: a Map iteration not started yet); a redrive keeps the succeeded.
     * {@link #DONE} stands for a child execution that succeeded and was let go (see {@link #release}).
     */
    final Slots<Fiber> fibers = new Slots<>();
    /** Map only: the iteration inputs, started in order (null once a child that succeeded was let go). */
    final Slots<JsonNode> itemInputs = new Slots<>();
    /**
     * Distributed Map with an ItemBatcher: how many items each child's batch holds (null: one item each). The
     * tolerated-failure thresholds and the Map Run's item counts count items, not child executions.
     */
    int[] itemCounts;
    /** An ItemReader's items read window by window (null: every item was there when the run started). */
    ItemStream stream;
    /** A ResultWriter's results written part by part while the run goes on (null: all at the end). */
    ResultParts parts;
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
        this.maxConcurrency = maxConcurrency;
        for (int i = 0; i < size; i++) {
            fibers.add(null);
            results.add(null);
            this.itemInputs.add(itemInputs == null ? null : itemInputs[i]);
        }
        this.remaining = size;
        this.totalItems = size;
    }

    /** How many children the group has so far (a streamed Map's grows as its reader reads). */
    int size() {
        return fibers.size();
    }

    /** How many items child {@code index} processes ({@link #itemCounts} may have room beyond the children). */
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

    /**
     * Adds children read from a later window of the reader: their inputs and (batched) how many items each holds.
     * They are still to run, and count toward the run's items from now on.
     */
    void add(JsonNode[] inputs, int[] counts) {
        int first = size();
        for (int i = 0; i < inputs.length; i++) {
            fibers.add(null);
            results.add(null);
            itemInputs.add(inputs[i]);
        }
        if (counts != null) {
            if (itemCounts == null) {
                itemCounts = new int[Math.max(16, first + counts.length)];
                java.util.Arrays.fill(itemCounts, 0, first, 1);
            } else if (itemCounts.length < first + counts.length) {
                // Grown by doubling: a run of many windows copies its counts a logarithmic number of times.
                itemCounts = java.util.Arrays.copyOf(itemCounts, Math.max(first + counts.length, 2 * itemCounts.length));
            }
            System.arraycopy(counts, 0, itemCounts, first, counts.length);
            for (int n : counts) {
                totalItems += n;
            }
        } else {
            totalItems += inputs.length;
        }
        remaining += inputs.length;
    }

    /**
     * Lets go of child {@code index}, which succeeded and whose result is no longer needed here (written by the
     * ResultWriter, or kept in {@link #results} only): its fiber and input go, {@link #DONE} stands for it.
     */
    void release(int index) {
        fibers.set(index, DONE);
        itemInputs.set(index, null);
    }

    /** Whether child {@code index} succeeded and was let go. */
    boolean released(int index) {
        return fibers.get(index) == DONE;
    }

    /** Stands for every released child: a succeeded fiber of no machine. */
    static final Fiber DONE = Fiber.done();
}
