package io.flowstate.console.status;

import static io.flowstate.console.status.StateStatus.CAUGHT_ERROR;
import static io.flowstate.console.status.StateStatus.FAILED;
import static io.flowstate.console.status.StateStatus.NOT_STARTED;
import static io.flowstate.console.status.StateStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.console.graph.Flows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statuses derived from histories recorded on AWS (src/test/resources/golden), so that the derivation holds for
 * AWS's own event chains (previousEventId into a Map item, a Map retried without being entered again), not only
 * for Flowstate's.
 */
class GoldenStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, StateStatus> derive(String name) throws IOException {
        String definition = resource(name + "/definition.json");
        StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
        JSON.readTree(resource(name + "/history.json")).path("events").forEach(deriver::accept);
        return deriver.statuses();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GoldenStatusTest.class.getResourceAsStream("/golden/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void derive_parallelBranchFailsCaughtByParallel_caughtErrorAndFailedBranch() throws IOException {
        assertThat(derive("parallel_state_catch")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ParallelState", CAUGHT_ERROR, "Branch1", FAILED, "FinalCaught", SUCCEEDED, "Final", NOT_STARTED));
    }

    @Test
    void derive_mapRetriedThenFailed_mapAndItemFailed() throws IOException {
        assertThat(derive("map_state_retry")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "StartState", SUCCEEDED, "MapState", FAILED, "HandleItemFail", FAILED, "Final", NOT_STARTED));
    }

    @Test
    void derive_lambdaRetriesExhaustedThenCaught_caughtError() throws IOException {
        assertThat(derive("lambda_invoke_with_retry_base")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "InvokeLambdaWithRetry", CAUGHT_ERROR, "HandleError", SUCCEEDED));
    }

    @Test
    void derive_mapItemBreaks_failStateFailedOthersSucceeded() throws IOException {
        assertThat(derive("map_state_break_condition")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "StartState", SUCCEEDED, "MapState", FAILED, "Equals3", SUCCEEDED, "Break", FAILED, "Pass", SUCCEEDED,
                "Final", NOT_STARTED));
    }

    @Test
    void iteration_mapItemBreaks_chosenItemShowsItsOwnPath() throws IOException {
        String definition = resource("map_state_break_condition/definition.json");
        JsonNode events = JSON.readTree(resource("map_state_break_condition/history.json")).path("events");
        for (String item : new String[] {"0", "4"}) {
            StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
            IterationFilter filter = new IterationFilter(item);
            events.forEach(e -> {
                if (filter.accept(e)) {
                    deriver.accept(e);
                }
            });
            boolean breaks = item.equals("4"); // the item 3 is at index 4
            assertThat(deriver.status("Break")).as("item %s", item).isEqualTo(breaks ? FAILED : NOT_STARTED);
            assertThat(deriver.status("Pass")).as("item %s", item).isEqualTo(breaks ? NOT_STARTED : SUCCEEDED);
        }
    }
}
