package io.flowstate.engine.runtime;

import io.flowstate.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ExecutionStore} in memory: for tests, embedding, and Express executions. Thread-safe. */
public final class InMemoryExecutionStore implements ExecutionStore {
    private static final class Entry {
        ExecutionSummary summary;
        final List<HistoryEvent> events = new ArrayList<>();

        Entry(ExecutionSummary summary) {
            this.summary = summary;
        }
    }

    private final Map<String, Entry> executions = new ConcurrentHashMap<>();

    @Override
    public boolean create(ExecutionSummary summary, List<HistoryEvent> events) {
        Entry entry = new Entry(summary);
        entry.events.addAll(events);
        return executions.putIfAbsent(summary.executionArn(), entry) == null;
    }

    @Override
    public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events) {
        Entry entry = executions.get(summary.executionArn());
        if (entry == null) {
            throw new IllegalArgumentException("no execution " + summary.executionArn());
        }
        synchronized (entry) {
            long actual = entry.events.isEmpty() ? 0 : entry.events.get(entry.events.size() - 1).id();
            if (actual != expectedLastEventId) {
                throw new VersionConflictException(summary.executionArn(), expectedLastEventId, actual);
            }
            entry.events.addAll(events);
            entry.summary = summary;
        }
    }

    @Override
    public Optional<ExecutionSummary> find(String executionArn) {
        Entry entry = executions.get(executionArn);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.summary);
        }
    }

    @Override
    public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
        Entry entry = executions.get(executionArn);
        if (entry == null) {
            return List.of();
        }
        synchronized (entry) {
            int from = (int) Math.min(Math.max(afterEventId, 0), entry.events.size());
            return List.copyOf(entry.events.subList(from, Math.min(entry.events.size(), from + max)));
        }
    }

    @Override
    public List<ExecutionSummary> list(Optional<String> stateMachineArn) {
        List<ExecutionSummary> out = new ArrayList<>();
        for (Entry e : executions.values()) {
            synchronized (e) {
                if (stateMachineArn.isEmpty() || stateMachineArn.get().equals(e.summary.stateMachineArn())) {
                    out.add(e.summary);
                }
            }
        }
        out.sort(Comparator.comparing(ExecutionSummary::startDate).reversed());
        return out;
    }
}
