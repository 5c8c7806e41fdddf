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
        final StartRecord start;
        final List<HistoryEvent> events = new ArrayList<>();
        final List<JournalEntry> journal = new ArrayList<>();

        Entry(ExecutionSummary summary, StartRecord start) {
            this.summary = summary;
            this.start = start;
        }
    }

    private final Map<String, Entry> executions = new ConcurrentHashMap<>();

    @Override
    public boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events) {
        Entry entry = new Entry(summary, start);
        entry.events.addAll(events);
        return executions.putIfAbsent(summary.executionArn(), entry) == null;
    }

    @Override
    public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger) {
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
            entry.journal.add(trigger);
            entry.summary = summary;
        }
    }

    @Override
    public Optional<StartRecord> start(String executionArn) {
        return Optional.ofNullable(executions.get(executionArn)).map(e -> e.start);
    }

    @Override
    public List<JournalEntry> journal(String executionArn) {
        Entry entry = executions.get(executionArn);
        if (entry == null) {
            return List.of();
        }
        synchronized (entry) {
            return List.copyOf(entry.journal);
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
