package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A commit the store refuses ({@link VersionConflictException}). The interpreter advances the execution in
 * memory before the commit, so the engine used to keep a copy one decision ahead of the store: the next
 * trigger then committed against the wrong last event id, and the execution was wedged for good. Now the copy
 * is dropped and, since the engine still owns the execution, rebuilt from the store with its timer re-armed.
 */
class EngineConflictTest {
    private static final String DEFINITION = "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'Next':'P'},"
            + "'P':{'Type':'Pass','End':true}}}";

    /** A store that refuses one commit, as it does when another writer appended first. */
    private static final class RefusingStore implements ExecutionStore {
        final InMemoryExecutionStore inner = new InMemoryExecutionStore();
        final AtomicBoolean refuseNext = new AtomicBoolean();

        @Override
        public boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events) {
            return inner.create(summary, start, events);
        }

        @Override
        public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger) {
            if (refuseNext.getAndSet(false)) {
                throw new VersionConflictException(summary.executionArn(), expectedLastEventId, expectedLastEventId);
            }
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
            return inner.history(executionArn, afterEventId, max);
        }

        @Override
        public ExecutionPage list(ExecutionQuery query) {
            return inner.list(query);
        }

        @Override
        public List<String> running() {
            return inner.running();
        }
    }

    @Test
    void timerFired_commitRefused_executionIsRebuiltAndCompletesWithoutDuplicateEvents() {
        RefusingStore store = new RefusingStore();
        ManualTimers timers = new ManualTimers(T0);
        try (Engine engine = new Engine(store, TaskHandlers.unbound(), timers)) {
            String arn = engine.start(parse(DEFINITION), DEFINITION.replace('\'', '"'), info(json("{}")), "STANDARD")
                    .orElseThrow().executionArn();

            java.util.concurrent.CompletableFuture<ExecutionSummary> done = engine.completion(arn);
            store.refuseNext.set(true);
            timers.fireNext();
            assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(timers.pending()).as("the rebuilt execution's Wait timer, re-armed").isEqualTo(1);

            timers.fireNext();
            assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(engine.history(arn, 0, 100).stream().map(e -> e.type().awsName()).toList()).containsExactly(
                    "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited",
                    "ExecutionSucceeded");
            assertThat(done).as("completion asked for before the refusal").isCompletedWithValueMatching(
                    s -> s.status() == ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void stop_commitRefused_isAppliedToTheRebuiltExecution() {
        RefusingStore store = new RefusingStore();
        ManualTimers timers = new ManualTimers(T0);
        try (Engine engine = new Engine(store, TaskHandlers.unbound(), timers)) {
            String arn = engine.start(parse(DEFINITION), DEFINITION.replace('\'', '"'), info(json("{}")), "STANDARD")
                    .orElseThrow().executionArn();

            store.refuseNext.set(true);
            assertThat(engine.stop(arn, Optional.of("Halt"), Optional.empty())).isTrue();
            assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }
}
