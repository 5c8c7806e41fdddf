package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;

/**
 * GetExecutionHistory paging through the real SDK: every event once, in either order, and the store asked for
 * one page of events per call rather than the whole history (a history holds up to 25,000 events).
 */
class ExecutionHistoryApiTest extends ApiTestBase {
    /** Ten Pass states: 22 events. */
    private static final String CHAIN = chain(10);

    private final CountingExecutionStore store = new CountingExecutionStore(new InMemoryExecutionStore());

    @Override
    ExecutionStore standardStore() {
        return store;
    }

    private static String chain(int states) {
        StringBuilder b = new StringBuilder("{\"StartAt\":\"P1\",\"States\":{");
        for (int i = 1; i <= states; i++) {
            b.append(i > 1 ? "," : "").append("\"P").append(i).append("\":{\"Type\":\"Pass\",")
                    .append(i < states ? "\"Next\":\"P" + (i + 1) + "\"" : "\"End\":true").append('}');
        }
        return b.append("}}").toString();
    }

    private String finishedExecution() {
        String sm = createMachine(unique("hist"), CHAIN);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        // Pass states run to the end within StartExecution.
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return exec;
    }

    private List<Long> pagedIds(String exec, boolean reverse, int maxResults) {
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(maxResults)
                    .reverseOrder(reverse).nextToken(t));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(maxResults);
            page.events().stream().map(HistoryEvent::id).forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    @Test
    void getExecutionHistory_pagedForwardAndReverse_everyEventOnceInOrder() {
        String exec = finishedExecution();
        List<Long> all = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(1000)).events().stream()
                .map(HistoryEvent::id).toList();

        List<Long> forward = pagedIds(exec, false, 5);
        List<Long> reverse = pagedIds(exec, true, 5);
        List<Long> exact = pagedIds(exec, false, 11); // the last page ends exactly at the last event

        assertThat(all).hasSize(22).isSorted();
        assertThat(forward).isEqualTo(all);
        assertThat(exact).isEqualTo(all);
        assertThat(reverse).isEqualTo(all.reversed());
    }

    /** A page costs the store a read of that page's events, not of the whole history. */
    @Test
    void getExecutionHistory_eachPage_readsOnlyItsEventsFromTheStore() {
        String exec = finishedExecution();
        store.reset();

        pagedIds(exec, false, 5);
        pagedIds(exec, true, 5);

        assertThat(store.historyReads()).isNotEmpty().allSatisfy(read -> {
            assertThat(read.max()).isLessThanOrEqualTo(5);
            assertThat(read.events()).isLessThanOrEqualTo(5);
        });
        assertThat(store.historyReads()).hasSize(10); // 22 events: 5 pages each way
    }

    @Test
    void getExecutionHistory_tokenOfTheOtherOrder_invalidToken() {
        String exec = finishedExecution();
        String forwardToken = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(5)).nextToken();

        assertThat(forwardToken).isNotNull();
        assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true).nextToken(forwardToken)))
                .isInstanceOf(InvalidTokenException.class);
    }
}
