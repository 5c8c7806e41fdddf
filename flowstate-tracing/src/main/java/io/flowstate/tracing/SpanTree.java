package io.flowstate.tracing;

import io.opentelemetry.api.trace.Span;
import java.util.HashMap;
import java.util.Map;

/**
 * The open spans of one execution, found through AWS's {@code previousEventId} chains: after each event the span
 * its chain is inside (the execution, a state, a Task call). A state entered on a chain opens a span inside the
 * chain's span (so a Map iteration's or Parallel branch's states nest in the Map or Parallel state), and its exit
 * closes it, the chain going back to the span around it.
 */
final class SpanTree {
    /** An open span, the node around it, and the state it is of (empty for the execution and Task calls). */
    record Node(Span span, Node parent, String state) {
        Node(Span span, Node parent) {
            this(span, parent, "");
        }
    }

    final Node root;
    private final Map<Long, Node> afterEvent = new HashMap<>();
    /** The spans opened and not ended yet, in the order opened. */
    final java.util.Set<Node> unended = new java.util.LinkedHashSet<>();

    /**
     * The Task call spans per state name not yet claimed by the call they stand for ({@link #claim}), oldest first:
     * a decision's calls are scheduled and invoked in the same order. Claimed on the task handlers' threads.
     */
    private final Map<String, java.util.Queue<Span>> unclaimed = new java.util.concurrent.ConcurrentHashMap<>();

    SpanTree(Span execution, long startedEventId) {
        this.root = new Node(execution, null);
        afterEvent.put(startedEventId, root);
    }

    /** The node the chain of {@code previousEventId} is inside (the execution's when unknown). */
    Node at(long previousEventId) {
        return afterEvent.getOrDefault(previousEventId, root);
    }

    void set(long eventId, Node node) {
        afterEvent.put(eventId, node);
    }

    /** A span opened inside {@code parent}, the chain of {@code eventId} now inside it. */
    void opened(long eventId, Node node) {
        unended.add(node);
        set(eventId, node);
    }

    /** A Task call of {@code state} scheduled, its span {@code span}, waiting for the call to claim it. */
    void scheduled(String state, Span span) {
        unclaimed.computeIfAbsent(state, s -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(span);
    }

    /** The oldest unclaimed Task call span of {@code state}, now claimed; null when there is none. */
    Span claim(String state) {
        java.util.Queue<Span> q = unclaimed.get(state);
        return q == null ? null : q.poll();
    }

    /** Ends {@code node}'s span at {@code nanos}. */
    void ended(Node node, long nanos) {
        if (unended.remove(node)) {
            node.span().end(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
