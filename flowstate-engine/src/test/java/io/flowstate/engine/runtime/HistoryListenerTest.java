package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine tells its {@link HistoryListener} of each committed decision, in order, and survives a failing one. */
class HistoryListenerTest {
    private static final String WAIT = "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}";

    private final ManualTimers timers = new ManualTimers(T0);
    private final Engine engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.unbound(), timers);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void historyListener_twoDecisions_toldOfEveryEventOnceInOrder() {
        List<List<Long>> batches = new ArrayList<>();
        engine.historyListener((info, redrives, events, payloads) ->
                batches.add(events.stream().map(HistoryEvent::id).toList()));

        String arn = engine.start(parse(WAIT), info(json("{}")), "EXPRESS").orElseThrow().executionArn();
        timers.fireNext();

        assertThat(batches).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
        assertThat(engine.history(arn, 0, 100)).hasSize(4);
    }

    @Test
    void historyListener_throws_executionRunsToItsEnd() {
        engine.historyListener((info, redrives, events, payloads) -> {
            throw new IllegalStateException("log group gone");
        });

        String arn = engine.start(parse(WAIT), info(json("{}")), "STANDARD").orElseThrow().executionArn();
        timers.fireNext();

        assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
