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
    /** An open span and the node around it. */
    record Node(Span span, Node parent) {}

    final Node root;
    private final Map<Long, Node> afterEvent = new HashMap<>();
    /** The spans opened and not ended yet, in the order opened. */
    final java.util.Set<Node> unended = new java.util.LinkedHashSet<>();

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

    /** Ends {@code node}'s span at {@code nanos}. */
    void ended(Node node, long nanos) {
        if (unended.remove(node)) {
            node.span().end(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
