package io.flowstate.engine.runtime;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ExecutionStore} in memory: for tests, embedding, and Express executions. Thread-safe. */
public final class InMemoryExecutionStore implements ExecutionStore {
    private static final class Entry {
        ExecutionSummary summary;
        final StartRecord start;
        final List<HistoryEvent> events = new ArrayList<>();
        final List<JournalEntry> journal = new ArrayList<>();
        /** Redrive triggers committed, for ListExecutions' redrive filter. */
        int redrives;

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
            if (trigger.trigger() instanceof io.flowstate.engine.interp.Trigger.Redrive) {
                entry.redrives++;
            }
        }
    }

    @Override
    public List<String> deleteClosedBefore(java.time.Instant cutoff, int max) {
        List<ExecutionSummary> closed = new ArrayList<>();
        for (Entry e : executions.values()) {
            synchronized (e) {
                if (e.summary.stopDate().filter(stop -> stop.isBefore(cutoff)).isPresent()) {
                    closed.add(e.summary);
                }
            }
        }
        closed.sort(Comparator.comparing(s -> s.stopDate().orElseThrow()));
        List<String> deleted = new ArrayList<>();
        for (ExecutionSummary s : closed.subList(0, Math.min(max, closed.size()))) {
            executions.remove(s.executionArn());
            deleted.add(s.executionArn());
        }
        return deleted;
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

    /** Newest first; ties by ARN, descending, so that a page token (start date and ARN) is a total order. */
    private static final Comparator<ExecutionSummary> ORDER = Comparator.comparing(ExecutionSummary::startDate)
            .thenComparing(ExecutionSummary::executionArn).reversed();

    @Override
    public ExecutionPage list(ExecutionQuery query) {
        Optional<ExecutionSummary> after = query.nextToken().map(InMemoryExecutionStore::position);
        // The page and one more (to know whether more follow), kept in a heap whose head is the oldest kept:
        // a page costs one pass over the executions, not a sort of all of them.
        int keep = query.maxResults() + 1;
        PriorityQueue<ExecutionSummary> newest = new PriorityQueue<>(keep + 1, ORDER.reversed());
        for (Entry e : executions.values()) {
            ExecutionSummary s;
            int redrives;
            synchronized (e) {
                s = e.summary;
                redrives = e.redrives;
            }
            if (query.matches(s, e.start, redrives) && after.map(a -> ORDER.compare(s, a) > 0).orElse(true)) {
                newest.add(s);
                if (newest.size() > keep) {
                    newest.poll();
                }
            }
        }
        List<ExecutionSummary> out = new ArrayList<>(newest);
        out.sort(ORDER);
        boolean more = out.size() > query.maxResults();
        List<ExecutionSummary> page = more ? out.subList(0, query.maxResults()) : out;
        List<String> positions = page.stream().map(InMemoryExecutionStore::token).toList();
        return new ExecutionPage(page, positions, more ? Optional.of(positions.getLast()) : Optional.empty());
    }

    /** The page token that resumes right after {@code s}: its ordering fields. */
    private static String token(ExecutionSummary s) {
        return s.startDate() + "|" + s.executionArn();
    }

    /** A summary with just the ordering fields of a page token. */
    private static ExecutionSummary position(String token) {
        int bar = token.indexOf('|');
        try {
            return new ExecutionSummary(token.substring(bar + 1), "", "", "", ExecutionStatus.RUNNING,
                    java.time.Instant.parse(token.substring(0, Math.max(bar, 0))), Optional.empty(), "",
                    Optional.empty(), Optional.empty(), Optional.empty(), 0);
        } catch (RuntimeException e) {
            throw new InvalidTokenException(token);
        }
    }

    @Override
    public List<String> running() {
        List<String> out = new ArrayList<>();
        for (Entry e : executions.values()) {
            synchronized (e) {
                if (e.summary.status() == ExecutionStatus.RUNNING) {
                    out.add(e.summary.executionArn());
                }
            }
        }
        return out;
    }
}
