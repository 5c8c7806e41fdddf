package io.flowstate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link ExecutionStore} passes: extend it with a fresh store per test. */
public abstract class ExecutionStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final StartRecord START = new StartRecord("{}", "STANDARD", io.flowstate.engine.interp.ExecutionInfo.of(
            "us-east-1", "1", "sm", "e", "arn:aws:iam::1:role/r", T0, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
    private static final JournalEntry TRIGGER = new JournalEntry(0, T0, new io.flowstate.engine.interp.Trigger.TimerFired(1));

    protected abstract ExecutionStore newStore();

    private ExecutionStore store;

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    private static ExecutionSummary summary(String arn, ExecutionStatus status, long last, Instant start) {
        return new ExecutionSummary(arn, "arn:aws:states:us-east-1:1:stateMachine:sm", arn.substring(arn.lastIndexOf(':') + 1),
                "STANDARD", status, start, Optional.empty(), "{}", Optional.empty(), Optional.empty(), Optional.empty(), last);
    }

    private static List<HistoryEvent> events(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to)
                .mapToObj(i -> new HistoryEvent(i, i - 1, T0, EventType.PASS_STATE_ENTERED, EventDetails.NONE)).toList();
    }

    @Test
    void create_sameArnTwice_keepsFirstAndReturnsFalse() {
        assertThat(store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2))).isTrue();
        assertThat(store.create(summary("arn:e:1", ExecutionStatus.SUCCEEDED, 5, T0), START, events(1, 5))).isFalse();

        assertThat(store.find("arn:e:1").orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(store.history("arn:e:1", 0, 100)).hasSize(2);
    }

    @Test
    void commit_expectedLastEventId_appendsAndReplacesSummary() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));

        store.commit(summary("arn:e:1", ExecutionStatus.SUCCEEDED, 4, T0), 2, events(3, 4), TRIGGER);

        assertThat(store.find("arn:e:1").orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(store.history("arn:e:1", 0, 100)).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void commit_staleLastEventId_throwsAndWritesNothing() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 3, T0), 2, events(3, 3), TRIGGER);

        assertThatThrownBy(() -> store.commit(summary("arn:e:1", ExecutionStatus.SUCCEEDED, 4, T0), 2, events(3, 4), TRIGGER))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.history("arn:e:1", 0, 100)).hasSize(3);
        assertThat(store.find("arn:e:1").orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void history_afterAndMax_pagesInOrder() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 10, T0), START, events(1, 10));

        assertThat(store.history("arn:e:1", 3, 4)).extracting(HistoryEvent::id).containsExactly(4L, 5L, 6L, 7L);
        assertThat(store.history("arn:e:1", 10, 4)).isEmpty();
        assertThat(store.history("arn:e:unknown", 0, 4)).isEmpty();
    }

    @Test
    void list_byStateMachine_newestFirst() {
        store.create(summary("arn:e:old", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.create(summary("arn:e:new", ExecutionStatus.RUNNING, 1, T0.plusSeconds(5)), START, events(1, 1));

        assertThat(store.list(Optional.of("arn:aws:states:us-east-1:1:stateMachine:sm")))
                .extracting(ExecutionSummary::executionArn).containsExactly("arn:e:new", "arn:e:old");
        assertThat(store.list(Optional.of("arn:other"))).isEmpty();
    }

    @Test
    void journal_commits_keepTriggersInOrderWithStartRecord() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));
        JournalEntry first = new JournalEntry(2, T0, new io.flowstate.engine.interp.Trigger.TimerFired(1));
        JournalEntry second = new JournalEntry(3, T0.plusSeconds(1), new io.flowstate.engine.interp.Trigger.TaskHeartbeat(4));
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 3, T0), 2, events(3, 3), first);
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 4, T0), 3, events(4, 4), second);

        assertThat(store.journal("arn:e:1")).containsExactly(first, second);
        assertThat(store.start("arn:e:1")).contains(START);
        assertThat(store.journal("arn:e:unknown")).isEmpty();
    }
}
