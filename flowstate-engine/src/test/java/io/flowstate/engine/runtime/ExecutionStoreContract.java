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

    /** A page may start and end inside what one commit wrote (stores may keep a commit's events together). */
    @Test
    void history_afterAndMaxAcrossCommits_pagesFromInsideACommit() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 3, T0), START, events(1, 3));
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 6, T0), 3, events(4, 6), TRIGGER);
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 9, T0), 6, events(7, 9), TRIGGER);

        assertThat(store.history("arn:e:1", 2, 5)).extracting(HistoryEvent::id).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(store.history("arn:e:1", 4, 1)).extracting(HistoryEvent::id).containsExactly(5L);
        assertThat(store.history("arn:e:1", 6, 100)).extracting(HistoryEvent::id).containsExactly(7L, 8L, 9L);
        assertThat(store.history("arn:e:1", 8, 100)).extracting(HistoryEvent::id).containsExactly(9L);
        assertThat(store.history("arn:e:1", 9, 100)).isEmpty();
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
        // The start record and the summary describe one execution, as the engine's always do.
        String arn = START.info().executionArn();
        store.create(summary(arn, ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));
        JournalEntry first = new JournalEntry(2, T0, new io.flowstate.engine.interp.Trigger.TimerFired(1));
        JournalEntry second = new JournalEntry(3, T0.plusSeconds(1), new io.flowstate.engine.interp.Trigger.TaskHeartbeat(4));
        store.commit(summary(arn, ExecutionStatus.RUNNING, 3, T0), 2, events(3, 3), first);
        store.commit(summary(arn, ExecutionStatus.RUNNING, 4, T0), 3, events(4, 4), second);
        // UpdateMapRun writes no event: its journal entry alone keeps the change.
        JournalEntry third = new JournalEntry(4, T0.plusSeconds(2), new io.flowstate.engine.interp.Trigger.UpdateMapRun(
                "arn:aws:states:us-east-1:1:mapRun:m/l:id", Optional.of(5), Optional.empty(), Optional.of(2L)));
        store.commit(summary(arn, ExecutionStatus.RUNNING, 4, T0), 4, List.of(), third);

        assertThat(store.journal(arn)).containsExactly(first, second, third);
        assertThat(store.start(arn)).contains(START);
        assertThat(store.journal("arn:e:unknown")).isEmpty();
    }

    private static ExecutionSummary summary(String arn, String machine, ExecutionStatus status, Instant start) {
        return new ExecutionSummary(arn, machine, arn.substring(arn.lastIndexOf(':') + 1), "STANDARD", status, start,
                Optional.empty(), "{}", Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    private List<String> allPages(ExecutionQuery query) {
        List<String> out = new java.util.ArrayList<>();
        ExecutionQuery q = query;
        while (true) {
            ExecutionPage page = store.list(q);
            assertThat(page.executions().size()).isLessThanOrEqualTo(query.maxResults());
            page.executions().forEach(s -> out.add(s.executionArn()));
            if (page.nextToken().isEmpty()) {
                return out;
            }
            q = q.after(page.nextToken().get());
        }
    }

    @Test
    void list_byStatusAndMachine_returnsOnlyMatches() {
        String a = "arn:aws:states:us-east-1:1:stateMachine:a";
        String b = "arn:aws:states:us-east-1:1:stateMachine:b";
        store.create(summary("arn:e:a1", a, ExecutionStatus.RUNNING, T0), START, events(1, 1));
        store.create(summary("arn:e:a2", a, ExecutionStatus.RUNNING, T0.plusSeconds(1)), START, events(1, 1));
        store.create(summary("arn:e:b1", b, ExecutionStatus.RUNNING, T0.plusSeconds(2)), START, events(1, 1));
        ExecutionSummary done = summary("arn:e:a2", a, ExecutionStatus.SUCCEEDED, T0.plusSeconds(1));
        store.commit(new ExecutionSummary(done.executionArn(), a, done.name(), "STANDARD", ExecutionStatus.SUCCEEDED,
                done.startDate(), Optional.of(T0.plusSeconds(9)), "{}",
                Optional.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(7)), Optional.empty(),
                Optional.empty(), 2), 1, events(2, 2), TRIGGER);

        assertThat(allPages(new ExecutionQuery(Optional.of(a), Optional.of(ExecutionStatus.RUNNING), Optional.empty(), 10)))
                .containsExactly("arn:e:a1");
        assertThat(allPages(new ExecutionQuery(Optional.empty(), Optional.of(ExecutionStatus.RUNNING), Optional.empty(), 10)))
                .containsExactly("arn:e:b1", "arn:e:a1");
        assertThat(allPages(new ExecutionQuery(Optional.of(a), Optional.empty(), Optional.empty(), 10)))
                .containsExactly("arn:e:a2", "arn:e:a1");
        assertThat(allPages(new ExecutionQuery(Optional.of(b), Optional.of(ExecutionStatus.FAILED), Optional.empty(), 10)))
                .isEmpty();
        ExecutionSummary stored = store.find("arn:e:a2").orElseThrow();
        assertThat(stored.stopDate()).contains(T0.plusSeconds(9));
        assertThat(stored.output()).contains(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(7));
    }

    /** A start record of an execution started through {@code version} or {@code alias} (either may be null). */
    private static StartRecord startedThrough(String arn, String version, String alias) {
        io.flowstate.engine.interp.ExecutionInfo info = new io.flowstate.engine.interp.ExecutionInfo(arn,
                arn.substring(arn.lastIndexOf(':') + 1), "arn:aws:states:us-east-1:1:stateMachine:sm", "sm",
                "arn:aws:iam::1:role/r", "us-east-1", T0, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                Optional.empty(), Optional.ofNullable(version), Optional.ofNullable(alias));
        return new StartRecord("{}", "STANDARD", info);
    }

    @Test
    void list_byVersionAliasAndRedrive_selectsThoseExecutionsOnly() {
        String m = "arn:aws:states:us-east-1:1:stateMachine:sm";
        String v1 = m + ":1";
        String prod = m + ":prod";
        store.create(summary("arn:e:plain", ExecutionStatus.RUNNING, 1, T0), startedThrough("arn:e:plain", null, null), events(1, 1));
        store.create(summary("arn:e:v1", ExecutionStatus.RUNNING, 1, T0.plusSeconds(1)), startedThrough("arn:e:v1", v1, null), events(1, 1));
        store.create(summary("arn:e:prod", ExecutionStatus.RUNNING, 1, T0.plusSeconds(2)),
                startedThrough("arn:e:prod", v1, prod), events(1, 1));
        // arn:e:v1 fails and is redriven.
        store.commit(summary("arn:e:v1", ExecutionStatus.FAILED, 2, T0.plusSeconds(1)), 1, events(2, 2), TRIGGER);
        store.commit(summary("arn:e:v1", ExecutionStatus.RUNNING, 3, T0.plusSeconds(1)), 2, events(3, 3),
                new JournalEntry(2, T0, new io.flowstate.engine.interp.Trigger.Redrive()));
        Optional<String> none = Optional.empty();

        assertThat(allPages(new ExecutionQuery(Optional.of(m), Optional.empty(), Optional.of(v1), none, Optional.empty(), none, 1)))
                .containsExactly("arn:e:prod", "arn:e:v1");
        assertThat(allPages(new ExecutionQuery(Optional.of(m), Optional.empty(), none, Optional.of(prod), Optional.empty(), none, 1)))
                .containsExactly("arn:e:prod");
        assertThat(allPages(new ExecutionQuery(Optional.of(m), Optional.empty(), none, none, Optional.of(true), none, 1)))
                .containsExactly("arn:e:v1");
        assertThat(allPages(new ExecutionQuery(Optional.of(m), Optional.empty(), none, none, Optional.of(false), none, 1)))
                .containsExactly("arn:e:prod", "arn:e:plain");
        assertThat(allPages(new ExecutionQuery(Optional.of(m), Optional.of(ExecutionStatus.RUNNING), Optional.of(v1), none,
                Optional.of(true), none, 5))).containsExactly("arn:e:v1");
    }

    @Test
    void list_manyExecutionsWithEqualStartDates_pagesCoverEachOnceNewestFirst() {
        String m = "arn:aws:states:us-east-1:1:stateMachine:sm";
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Groups of ten share a start date, so pages must break ties consistently.
            String arn = "arn:e:" + i;
            store.create(summary(arn, m, ExecutionStatus.RUNNING, T0.plusSeconds(i / 10)), START, events(1, 1));
            created.add(arn);
        }

        List<String> paged = allPages(new ExecutionQuery(Optional.of(m), Optional.empty(), Optional.empty(), 7));

        assertThat(paged).hasSize(250).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(paged).isEqualTo(store.list(Optional.of(m)).stream().map(ExecutionSummary::executionArn).toList());
        List<Instant> starts = paged.stream().map(a -> store.find(a).orElseThrow().startDate()).toList();
        assertThat(starts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /**
     * A caller that filters a page further stops inside it: the position of any summary must resume right after
     * that summary, ties on the start date included, so that nothing is skipped or repeated.
     */
    @Test
    void list_resumeFromEachRowPosition_continuesRightAfterThatRow() {
        String m = "arn:aws:states:us-east-1:1:stateMachine:sm";
        for (int i = 0; i < 30; i++) {
            // Groups of four share a start date; every third one failed.
            ExecutionStatus status = i % 3 == 0 ? ExecutionStatus.FAILED : ExecutionStatus.RUNNING;
            store.create(summary("arn:e:" + i, m, status, T0.plusSeconds(i / 4)), START, events(1, 1));
        }
        for (Optional<ExecutionStatus> status : List.of(Optional.<ExecutionStatus>empty(), Optional.of(ExecutionStatus.RUNNING))) {
            ExecutionQuery query = new ExecutionQuery(Optional.of(m), status, Optional.empty(), 12);
            List<String> all = allPages(query);
            ExecutionPage first = store.list(query);
            assertThat(first.positions()).hasSameSizeAs(first.executions());
            assertThat(first.nextToken()).contains(first.positions().getLast());

            for (int i = 0; i < first.executions().size(); i++) {
                List<String> rest = allPages(query.after(first.positions().get(i)));

                assertThat(rest).as("after row %d, status %s", i, status).isEqualTo(all.subList(i + 1, all.size()));
            }
        }
    }

    @Test
    void list_lastPage_hasPositionsButNoNextToken() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.create(summary("arn:e:2", ExecutionStatus.RUNNING, 1, T0.plusSeconds(1)), START, events(1, 1));

        ExecutionPage page = store.list(ExecutionQuery.all(5));

        assertThat(page.executions()).extracting(ExecutionSummary::executionArn).containsExactly("arn:e:2", "arn:e:1");
        assertThat(page.nextToken()).isEmpty();
        assertThat(store.list(ExecutionQuery.all(5).after(page.positions().get(1))).executions()).isEmpty();
        assertThat(store.list(ExecutionQuery.all(5).after(page.positions().get(0))).executions())
                .extracting(ExecutionSummary::executionArn).containsExactly("arn:e:1");
    }

    @Test
    void list_tokenNotIssued_throwsInvalidToken() {
        assertThatThrownBy(() -> store.list(ExecutionQuery.all(10).after("nonsense")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void running_mixOfStatuses_returnsOnlyRunning() {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.create(summary("arn:e:2", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.commit(summary("arn:e:2", ExecutionStatus.FAILED, 2, T0), 1, events(2, 2), TRIGGER);

        assertThat(store.running()).containsExactly("arn:e:1");
    }

    @Test
    void commit_unknownExecution_throwsIllegalArgument() {
        assertThatThrownBy(() -> store.commit(summary("arn:e:none", ExecutionStatus.RUNNING, 2, T0), 1, events(2, 2), TRIGGER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commit_withoutEvents_keepsJournalEntryAndVersion() {
        // A heartbeat restarts a timer without adding events: the journal still needs it to replay the timer.
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));
        JournalEntry heartbeat = new JournalEntry(2, T0.plusNanos(123_456_789), new io.flowstate.engine.interp.Trigger.TaskHeartbeat(1));
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), 2, List.of(), heartbeat);
        store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), 2, List.of(), heartbeat);

        assertThat(store.journal("arn:e:1")).containsExactly(heartbeat, heartbeat);
        assertThat(store.find("arn:e:1").orElseThrow().lastEventId()).isEqualTo(2);
    }

    @Test
    void commit_concurrentSameVersion_exactlyOneWins() throws Exception {
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        int threads = 4;
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> started = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofVirtual().start(() -> {
                try {
                    barrier.await();
                    store.commit(summary("arn:e:1", ExecutionStatus.RUNNING, 2, T0), 1, events(2, 2), TRIGGER);
                    wins.incrementAndGet();
                } catch (VersionConflictException expected) {
                    // another thread committed first
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }

        assertThat(wins).hasValue(1);
        assertThat(store.history("arn:e:1", 0, 10)).extracting(HistoryEvent::id).containsExactly(1L, 2L);
        assertThat(store.journal("arn:e:1")).hasSize(1);
    }

    @Test
    void history_richDetails_roundTripsEveryField() {
        List<HistoryEvent> rich = StoredEvents.everyDetailsType(T0);
        store.create(summary("arn:e:1", ExecutionStatus.RUNNING, rich.size(), T0), START, rich);

        assertThat(store.history("arn:e:1", 0, 1000)).isEqualTo(rich);
    }

    private static ExecutionSummary ended(String arn, Instant stop, long last) {
        return new ExecutionSummary(arn, "arn:aws:states:us-east-1:1:stateMachine:sm", arn.substring(arn.lastIndexOf(':') + 1),
                "STANDARD", ExecutionStatus.SUCCEEDED, T0, Optional.of(stop), "{}", Optional.empty(), Optional.empty(),
                Optional.empty(), last);
    }

    @Test
    void deleteClosedBefore_cutoffAndMax_deletesOldestClosedWithHistoryAndKeepsTheRest() {
        store.create(summary("arn:e:old", ExecutionStatus.RUNNING, 2, T0), START, events(1, 2));
        store.commit(ended("arn:e:old", T0.plusSeconds(10), 3), 2, events(3, 3), TRIGGER);
        store.create(summary("arn:e:older", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.commit(ended("arn:e:older", T0.plusSeconds(5), 2), 1, events(2, 2), TRIGGER);
        store.create(summary("arn:e:recent", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));
        store.commit(ended("arn:e:recent", T0.plusSeconds(100), 2), 1, events(2, 2), TRIGGER);
        store.create(summary("arn:e:running", ExecutionStatus.RUNNING, 1, T0), START, events(1, 1));

        assertThat(store.deleteClosedBefore(T0.plusSeconds(50), 1)).containsExactly("arn:e:older");
        assertThat(store.deleteClosedBefore(T0.plusSeconds(50), 10)).containsExactly("arn:e:old");

        assertThat(store.find("arn:e:old")).isEmpty();
        assertThat(store.history("arn:e:old", 0, 10)).isEmpty();
        assertThat(store.journal("arn:e:old")).isEmpty();
        assertThat(store.find("arn:e:recent")).isPresent();
        assertThat(store.find("arn:e:running")).isPresent();
        assertThat(store.deleteClosedBefore(T0.plusSeconds(50), 10)).isEmpty();
    }
}
