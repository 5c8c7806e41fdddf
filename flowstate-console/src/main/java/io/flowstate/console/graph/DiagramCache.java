package io.flowstate.console.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Layouts by definition text, least recently used first out. A definition revision never changes, and every
 * execution of it shares one layout, so a busy machine's page skips ELK after its first view.
 */
public final class DiagramCache {
    private final int capacity;
    private final Map<String, Diagram> diagrams;

    /** A cache of at most {@code capacity} layouts. */
    public DiagramCache(int capacity) {
        this.capacity = capacity;
        this.diagrams = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The layout of {@code definition}, laid out now if it is not cached. */
    public Diagram diagram(String definition) {
        synchronized (diagrams) {
            Diagram cached = diagrams.get(definition);
            if (cached != null) {
                return cached;
            }
        }
        // Laid out outside the lock: two first views of one definition may both lay it out, which is harmless.
        Diagram laidOut = ElkLayout.layout(Flows.of(definition));
        synchronized (diagrams) {
            diagrams.put(definition, laidOut);
            if (diagrams.size() > capacity) {
                diagrams.remove(diagrams.keySet().iterator().next());
            }
        }
        return laidOut;
    }
}
