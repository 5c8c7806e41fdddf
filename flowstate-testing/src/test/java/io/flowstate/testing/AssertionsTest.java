package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.history.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions: event types in order, golden files of the whole history, and what failures say. */
@FlowstateTest
class AssertionsTest {
    private static TestExecution happyOrder(Flowstate flowstate) {
        return flowstate.task("Charge").returns("{\"paid\": true}")
                .lambda("ship").returns("{\"trackingId\": \"T-1\"}")
                .loadResource("machines/order.asl.json").start("{\"orderId\": \"o-1\"}");
    }

    @Test
    void hasEventTypes_happyOrder_listsEveryEventInOrder(Flowstate flowstate) {
        assertThat(happyOrder(flowstate)).history().hasEventTypes(
                EventType.EXECUTION_STARTED,
                EventType.PASS_STATE_ENTERED, EventType.PASS_STATE_EXITED,
                EventType.TASK_STATE_ENTERED, EventType.LAMBDA_FUNCTION_SCHEDULED, EventType.LAMBDA_FUNCTION_STARTED,
                EventType.LAMBDA_FUNCTION_SUCCEEDED, EventType.TASK_STATE_EXITED,
                EventType.WAIT_STATE_ENTERED, EventType.WAIT_STATE_EXITED,
                EventType.TASK_STATE_ENTERED, EventType.TASK_SCHEDULED, EventType.TASK_STARTED,
                EventType.TASK_SUCCEEDED, EventType.TASK_STATE_EXITED,
                EventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void matchesGoldenFile_sameRun_matchesTheCommittedHistory(Flowstate flowstate) {
        assertThat(happyOrder(flowstate).history()).matchesGoldenFile(Path.of("src/test/resources/golden/order-happy.json"));
    }

    @Test
    void matchesGoldenFile_missingFile_writesItAndFails(Flowstate flowstate, @TempDir Path dir) throws Exception {
        Path golden = dir.resolve("new/history.json");
        ExecutionHistory history = happyOrder(flowstate).history();

        assertThatThrownBy(() -> assertThat(history).matchesGoldenFile(golden)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("has been written");
        assertThat(Files.readString(golden)).isEqualTo(history.toPrettyJson());
        assertThat(history).matchesGoldenFile(golden);
    }

    @Test
    void matchesGoldenFile_differentHistory_failsNamingTheFile(Flowstate flowstate, @TempDir Path dir) throws Exception {
        Path golden = dir.resolve("history.json");
        Files.writeString(golden, "{\"events\": []}");

        assertThatThrownBy(() -> assertThat(happyOrder(flowstate).history()).matchesGoldenFile(golden))
                .isInstanceOf(AssertionError.class).hasMessageContaining("differs from golden file")
                .hasMessageContaining("the history has 16 events, the golden file 0");
    }

    @Test
    void containsEventTypesInOrder_missingType_failsListingTheHistory(Flowstate flowstate) {
        TestExecution run = happyOrder(flowstate);

        assertThatThrownBy(() -> assertThat(run).history()
                .containsEventTypesInOrder(EventType.WAIT_STATE_ENTERED, EventType.TASK_FAILED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("TaskFailed is missing");
    }

    @Test
    void visited_wrongOrder_failsNamingTheMissingState(Flowstate flowstate) {
        TestExecution run = happyOrder(flowstate);

        assertThatThrownBy(() -> assertThat(run).visited("Ship", "Charge")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'Charge' is missing after [Ship]");
    }

    @Test
    void succeeded_failedExecution_reportsItsErrorAndCause(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "why"}}}""").start();

        assertThatThrownBy(() -> assertThat(run).succeeded()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FAILED (error 'Boom', cause 'why')");
    }

    @Test
    void hasOutput_differentOutput_showsBothValuesInTheMessage(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"n": 1}, "End": true}}}""").start();

        assertThat(run).hasOutput("{\"n\": 1.0}");
        assertThatThrownBy(() -> assertThat(run).hasOutput("{\"n\": 2}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected: {\n  \"n\" : 2\n}").hasMessageContaining("but was: {\n  \"n\" : 1\n}");
    }
}
