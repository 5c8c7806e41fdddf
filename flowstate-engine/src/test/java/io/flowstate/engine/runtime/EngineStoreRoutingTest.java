package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineStoreRoutingTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final String DEFINITION = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','Next':'W'},"
            + "'W':{'Type':'Wait','Seconds':5,'End':true}}}";

    /** A durable store that must not be touched: every call fails the test. */
    private static final class Untouchable implements ExecutionStore {
        private AssertionError touched() {
            return new AssertionError("an Express execution touched the Standard store");
        }

        @Override
        public boolean create(ExecutionSummary summary, StartRecord start, List<HistoryEvent> events) {
            throw touched();
        }

        @Override
        public void commit(ExecutionSummary summary, long expectedLastEventId, List<HistoryEvent> events, JournalEntry trigger) {
            throw touched();
        }

        @Override
        public List<String> deleteClosedBefore(java.time.Instant cutoff, int max) {
            throw touched();
        }

        @Override
        public Optional<StartRecord> start(String executionArn) {
            throw touched();
        }

        @Override
        public List<JournalEntry> journal(String executionArn) {
            throw touched();
        }

        @Override
        public Optional<ExecutionSummary> find(String executionArn) {
            throw touched();
        }

        @Override
        public List<HistoryEvent> history(String executionArn, long afterEventId, int max) {
            throw touched();
        }

        @Override
        public ExecutionPage list(ExecutionQuery query) {
            throw touched();
        }

        @Override
        public List<String> running() {
            throw touched();
        }
    }

    @Test
    void start_expressWithTaskAndWait_neverTouchesStandardStore() throws Exception {
        ManualTimers timers = new ManualTimers(T0);
        InMemoryExecutionStore express = new InMemoryExecutionStore();
        try (Engine engine = new Engine(new Untouchable(), express,
                TaskHandlers.byResource(Map.of(FN, TaskHandlers.function(in -> json("{'ok':true}"))), TaskHandlers.unbound()),
                timers)) {
            String arn = engine.start(parse(DEFINITION), DEFINITION, info(json("{}")), "EXPRESS").orElseThrow().executionArn();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (timers.pending() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            timers.fireNext();

            assertThat(engine.completion(arn).get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(engine.history(arn, 0, 100)).isNotEmpty().isEqualTo(express.history(arn, 0, 100));
        }
    }

    @Test
    void start_standard_goesToStandardStoreOnly() {
        InMemoryExecutionStore standard = new InMemoryExecutionStore();
        InMemoryExecutionStore express = new InMemoryExecutionStore();
        try (Engine engine = new Engine(standard, express, TaskHandlers.unbound(), new ManualTimers(T0))) {
            String arn = engine.start(parse("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}"),
                    info(json("{}")), "STANDARD").orElseThrow().executionArn();

            assertThat(standard.find(arn)).isPresent();
            assertThat(express.find(arn)).isEmpty();
            assertThat(engine.describe(arn)).isPresent();
        }
    }
}
