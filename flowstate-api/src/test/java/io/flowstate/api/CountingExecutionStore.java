package io.flowstate.api;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.JournalEntry;
import io.flowstate.engine.runtime.StartRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ExecutionStore} that passes everything to another and records the listings asked of it: each page
 * query with the number of rows it returned, and each call of the list-everything default, so a test can tell
 * what one ListExecutions cost the store.
 */
final class CountingExecutionStore implements ExecutionStore {
    /** One page query and how many summaries it returned. */
    record PageRead(ExecutionQuery query, int rows) {}

    /** One history read: after which event id, how many events at most, how many it returned. */
    record HistoryRead(long afterEventId, int max, int events) {}

    private final ExecutionStore inner;
    private final List<PageRead> pages = new CopyOnWriteArrayList<>();
    private final AtomicInteger listAll = new AtomicInteger();
    private final List<HistoryRead> historyReads = new CopyOnWriteArrayList<>();

    CountingExecutionStore(ExecutionStore inner) {
        this.inner = inner;
    }

    /** The page queries since the last {@link #reset}, in order. */
    List<PageRead> pages() {
        return List.copyOf(pages);
    }

    /** How many times everything of a state machine was listed since the last {@link #reset}. */
    int listAllCalls() {
        return listAll.get();
    }

    /** The history reads since the last {@link #reset}, in order. */
    List<HistoryRead> historyReads() {
        return List.copyOf(historyReads);
    }

    void reset() {
        historyReads.clear();
        pages.clear();
        listAll.set(0);
    }

    @Override
    public boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events) {
        return inner.create(summary, start, events);
    }

    @Override
    public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger) {
        inner.commit(summary, expectedLastEventId, events, trigger);
    }

    @Override
    public List<String> deleteClosedBefore(Instant cutoff, int max) {
        return inner.deleteClosedBefore(cutoff, max);
    }

    @Override
    public Optional<StartRecord> start(String executionArn) {
        return inner.start(executionArn);
    }

    @Override
    public List<JournalEntry> journal(String executionArn) {
        return inner.journal(executionArn);
    }

    @Override
    public Optional<ExecutionSummary> find(String executionArn) {
        return inner.find(executionArn);
    }

    @Override
    public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
        List<HistoryEvent> events = inner.history(executionArn, afterEventId, max);
        historyReads.add(new HistoryRead(afterEventId, max, events.size()));
        return events;
    }

    @Override
    public List<ExecutionSummary> list(Optional<String> stateMachineArn) {
        listAll.incrementAndGet();
        return inner.list(stateMachineArn);
    }

    @Override
    public ExecutionPage list(ExecutionQuery query) {
        ExecutionPage page = inner.list(query);
        pages.add(new PageRead(query, page.executions().size()));
        return page;
    }

    @Override
    public List<String> running() {
        return inner.running();
    }
}
