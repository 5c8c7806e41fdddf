package io.flowstate.console.status;

import static io.flowstate.console.status.StateStatus.CANCELLED;
import static io.flowstate.console.status.StateStatus.CAUGHT_ERROR;
import static io.flowstate.console.status.StateStatus.FAILED;
import static io.flowstate.console.status.StateStatus.IN_PROGRESS;
import static io.flowstate.console.status.StateStatus.NOT_STARTED;
import static io.flowstate.console.status.StateStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.console.InProcessAccess;
import io.flowstate.console.graph.Flows;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Statuses derived from histories the real engine writes (the same events GetExecutionHistory answers), one
 * definition per status kind, nested Parallel and Map included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusDeriverTest {
    private final InProcessAccess run = new InProcessAccess();

    @AfterAll
    void close() {
        run.close();
    }

    private Map<String, StateStatus> statuses(String definition, int events) {
        String arn = run.start(definition);
        run.await(arn, events);
        StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
        run.history(arn).forEach(deriver::accept);
        return deriver.statuses();
    }

    @Test
    void derive_passChain_succeededAndNotStartedBranchOfChoice() {
        assertThat(statuses("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"C"},
                 "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Never"}],"Default":"Done"},
                 "Never":{"Type":"Pass","End":true},"Done":{"Type":"Succeed"}}}""", 0))
                .containsEntry("A", SUCCEEDED).containsEntry("C", SUCCEEDED).containsEntry("Done", SUCCEEDED)
                .containsEntry("Never", NOT_STARTED);
    }

    @Test
    void derive_waitingState_inProgress() {
        assertThat(statuses("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"W"},"W":{"Type":"Wait","Seconds":3600,"End":true}}}""",
                4)).containsEntry("A", SUCCEEDED).containsEntry("W", IN_PROGRESS);
    }

    @Test
    void derive_taskFailsUncaught_failed() {
        Map<String, StateStatus> s = statuses("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","Next":"After"},
                 "After":{"Type":"Pass","End":true}}}""".formatted(InProcessAccess.BROKEN), 0);
        assertThat(s).containsEntry("T", FAILED).containsEntry("After", NOT_STARTED);
    }

    @Test
    void derive_taskFailureCaught_caughtError() {
        assertThat(statuses("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s",
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handle"}],"End":true},
                 "Handle":{"Type":"Pass","End":true}}}""".formatted(InProcessAccess.BROKEN), 0))
                .containsEntry("T", CAUGHT_ERROR).containsEntry("Handle", SUCCEEDED);
    }

    @Test
    void derive_parallelBranchFailsWhileOtherWaits_otherCancelledParallelFailed() {
        assertThat(statuses("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":3600,"End":true}}},
                  {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"E","Cause":"c"}}}]}}}""", 0))
                .containsEntry("P", FAILED).containsEntry("Boom", FAILED).containsEntry("Slow", CANCELLED);
    }

    @Test
    void derive_nestedParallelInMap_caughtAtMap() {
        assertThat(statuses("""
                {"StartAt":"Items","States":{
                 "Items":{"Type":"Pass","Result":[1,2,3],"Next":"M"},
                 "M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{
                   "P":{"Type":"Parallel","End":true,"Branches":[
                     {"StartAt":"Ok","States":{"Ok":{"Type":"Task","Resource":"%s","End":true}}},
                     {"StartAt":"Bad","States":{"Bad":{"Type":"Task","Resource":"%s","End":true}}}]}}},
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}],"End":true},
                 "Recover":{"Type":"Pass","End":true}}}""".formatted(InProcessAccess.OK, InProcessAccess.BROKEN), 0))
                .containsEntry("M", CAUGHT_ERROR).containsEntry("P", FAILED).containsEntry("Bad", FAILED)
                .containsEntry("Recover", SUCCEEDED).containsEntry("Items", SUCCEEDED);
    }

    @Test
    void derive_mapOfParallelsSucceeds_allSucceeded() {
        assertThat(statuses("""
                {"StartAt":"Items","States":{"Items":{"Type":"Pass","Result":[1,2],"Next":"M"},
                 "M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{
                   "P":{"Type":"Parallel","End":true,"Branches":[
                     {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","End":true}}},
                     {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}},"End":true}}}"""
                .formatted(InProcessAccess.OK), 0))
                .containsEntry("M", SUCCEEDED).containsEntry("P", SUCCEEDED).containsEntry("A", SUCCEEDED)
                .containsEntry("B", SUCCEEDED);
    }

    @Test
    void derive_chosenMapIteration_statusesOfThatItemOnly() {
        String definition = """
                {"StartAt":"Items","States":{"Items":{"Type":"Pass","Result":[1,2,3],"Next":"M"},
                 "M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{"StartAt":"Which","States":{
                   "Which":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Two"}],"Default":"Other"},
                   "Two":{"Type":"Pass","End":true},"Other":{"Type":"Pass","End":true}}},"Next":"After"},
                 "After":{"Type":"Pass","End":true}}}""";
        String arn = run.start(definition);
        run.await(arn, 0);
        assertThat(iteration(arn, definition, "1")).containsEntry("Two", SUCCEEDED).containsEntry("Other", NOT_STARTED)
                .containsEntry("M", SUCCEEDED).containsEntry("After", SUCCEEDED);
        assertThat(iteration(arn, definition, "2")).containsEntry("Two", NOT_STARTED).containsEntry("Other", SUCCEEDED);
        StatusDeriver all = new StatusDeriver(new StateTree(Flows.of(definition)));
        run.history(arn).forEach(all::accept);
        assertThat(all.statuses()).containsEntry("Two", SUCCEEDED).containsEntry("Other", SUCCEEDED);
    }

    @Test
    void derive_nestedMapIterationPath_statusesOfThatInnerItem() {
        String definition = """
                {"StartAt":"Rows","States":{"Rows":{"Type":"Pass","Result":[[1,2],[2,3]],"Next":"Outer"},
                 "Outer":{"Type":"Map","ItemProcessor":{"StartAt":"Inner","States":{
                   "Inner":{"Type":"Map","ItemProcessor":{"StartAt":"Which","States":{
                     "Which":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Two"}],"Default":"Other"},
                     "Two":{"Type":"Pass","End":true},"Other":{"Type":"Pass","End":true}}},"End":true}}},"End":true}}}""";
        String arn = run.start(definition);
        run.await(arn, 0);
        assertThat(iteration(arn, definition, "0/1")).containsEntry("Two", SUCCEEDED).containsEntry("Other", NOT_STARTED);
        assertThat(iteration(arn, definition, "1/1")).containsEntry("Two", NOT_STARTED).containsEntry("Other", SUCCEEDED);
        assertThat(iteration(arn, definition, "1")).containsEntry("Two", SUCCEEDED).containsEntry("Other", SUCCEEDED);
    }

    private Map<String, StateStatus> iteration(String arn, String definition, String path) {
        StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
        IterationFilter filter = new IterationFilter(path);
        run.history(arn).stream().filter(filter::accept).forEach(deriver::accept);
        return deriver.statuses();
    }

    @Test
    void derive_stoppedWhileWaiting_cancelled() {
        String definition = """
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
        String arn = run.start(definition);
        run.await(arn, 2);
        run.stop(arn);
        StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
        run.history(arn).forEach(deriver::accept);
        assertThat(deriver.status("W")).isEqualTo(CANCELLED);
    }
}
