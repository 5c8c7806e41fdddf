package io.flowstate.engine.runtime;

import io.flowstate.engine.history.HistoryEvent;
import java.util.List;
import java.util.Optional;

/**
 * Where executions live: each execution's summary and history. A decision's events and the new summary are
 * committed together, checked against the last event id the decision started from (optimistic concurrency),
 * so a history never has a gap or a duplicate.
 *
 * <p>Implementations: in memory here; SQLite and PostgreSQL in the durable store module. Every implementation
 * passes {@code ExecutionStoreContract}.
 */
public interface ExecutionStore {
    /**
     * Stores a new execution with its first events; false (and nothing written) when its ARN exists already.
     * {@code start} describes the same execution as {@code summary} (ARN, name, state machine, input text), so a
     * store may keep those once.
     */
    boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events);

    /**
     * Appends {@code events} and the trigger that caused them to the journal, and replaces the summary,
     * provided the stored last event id is {@code expectedLastEventId}; else throws
     * {@link VersionConflictException} and writes nothing.
     */
    void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger);

    /**
     * Deletes up to {@code max} executions that ended before {@code cutoff} (oldest first), with their history,
     * journal and start record; returns their ARNs. Retention: AWS keeps closed executions 90 days.
     */
    List<String> deleteClosedBefore(java.time.Instant cutoff, int max);

    /** How the execution started. */
    Optional<StartRecord> start(String executionArn);

    /** The triggers applied so far, in order. */
    List<JournalEntry> journal(String executionArn);

    /** The summary of one execution. */
    Optional<ExecutionSummary> find(String executionArn);

    /** Up to {@code max} events with ids greater than {@code afterEventId}, oldest first. */
    List<HistoryEvent> history(String executionArn, long afterEventId, int max);

    /** Summaries of the executions of a state machine (all when empty), newest first. */
    default List<ExecutionSummary> list(Optional<String> stateMachineArn) {
        List<ExecutionSummary> out = new java.util.ArrayList<>();
        ExecutionQuery query = new ExecutionQuery(stateMachineArn, Optional.empty(), Optional.empty(), 1000);
        while (true) {
            ExecutionPage page = list(query);
            out.addAll(page.executions());
            if (page.nextToken().isEmpty()) {
                return out;
            }
            query = query.after(page.nextToken().get());
        }
    }

    /**
     * One page of summaries matching {@code query}, newest first; {@link InvalidTokenException} for a token
     * this store did not issue. Durable stores answer from an index, whatever the number of executions.
     */
    ExecutionPage list(ExecutionQuery query);

    /** The ARNs of every RUNNING execution, the ones to resume after a restart. */
    List<String> running();
}
