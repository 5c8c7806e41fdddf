package io.flowstate.engine.runtime;

import io.flowstate.engine.history.PayloadWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact payload writers of recently ended executions, for reading their history; bounded (least recently used
 * out), because each keeps its execution's input. Older executions fall back to
 * {@link PayloadWriter#preservingInput}. Thread-safe.
 */
final class RecentPayloads {
    private static final int MAX = 10_000;
    private final Map<String, PayloadWriter> writers = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PayloadWriter> eldest) {
            return size() > MAX;
        }
    };

    synchronized void put(String executionArn, PayloadWriter writer) {
        writers.put(executionArn, writer);
    }

    synchronized PayloadWriter get(String executionArn) {
        return writers.get(executionArn);
    }

    synchronized void remove(String executionArn) {
        writers.remove(executionArn);
    }
}
