package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

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
    final List<Fiber> running = new ArrayList<>();
    /** Every child started so far, by index (null: a Map iteration not started yet); a redrive keeps the succeeded. */
    final Fiber[] fibers;
    /** Map only: the iteration inputs, started in order. */
    final JsonNode[] itemInputs;
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
    }
}
