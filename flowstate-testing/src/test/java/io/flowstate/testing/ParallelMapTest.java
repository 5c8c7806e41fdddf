package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;

import io.flowstate.asl.json.Json;
import org.junit.jupiter.api.Test;

/** States inside Parallel branches and Map iterations are visited, bound and asserted like any other. */
@FlowstateTest
class ParallelMapTest {
    @Test
    void start_parallelBranches_visitsEveryBranchState(Flowstate flowstate) {
        flowstate.task("Price").returns("42").task("Stock").returns("{\"available\": 3}");

        TestExecution run = flowstate.loadJson("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Price", "States": {"Price": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:price", "End": true}}},
                  {"StartAt": "Stock", "States": {"Stock": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:stock", "End": true}}}]}}}""")
                .start();

        assertThat(run).succeeded().visited("Both", "Price").visited("Both", "Stock")
                .hasOutput("[42, {\"available\": 3}]");
    }

    @Test
    void start_mapOverItems_visitsTheIterationStateOncePerItem(Flowstate flowstate) {
        flowstate.task("Double").answers(in -> Json.nodes().numberNode(in.asInt() * 2));

        TestExecution run = flowstate.loadJson("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Double", "States": {
                    "Double": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double",
                      "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}}}}""")
                .start("{\"items\": [1, 2, 3]}");

        assertThat(run).succeeded().hasOutput("[2, 4, 6]")
                .hasOutputAt("$[1]", 4).hasOutputAt("$[?(@ > 3)]", java.util.List.of(4, 6))
                .hasTaskCalls("Double", 3).hasRetried("Double", 0)
                .visitedExactly("Each", "Double", "Double", "Double");
    }

    @Test
    void start_branchFailsOnceUnderParallelRetry_countsTheRetryOnTheParallelState(Flowstate flowstate) {
        flowstate.task("Flaky").outcomes(Outcomes.failure("Busy", "later"), Outcomes.success("\"ok\""));

        TestExecution run = flowstate.loadJson("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
                  "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 5}], "Branches": [
                  {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:flaky", "End": true}}}]}}}""")
                .start();

        assertThat(run).succeeded().hasOutput("[\"ok\"]").hasRetried("Both", 1).hasRetried("Flaky", 0)
                .hasTaskCalls("Flaky", 2).visitedExactly("Both", "Flaky", "Flaky");
    }

    @Test
    void currentStates_branchAnsweredOtherWaiting_listsTheParallelAndTheWaitingBranchState(Flowstate flowstate) {
        TestExecution run = flowstate.manualClock().task("Quick").returns("1").loadJson("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Quick", "States": {"Quick": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:quick", "End": true}}},
                  {"StartAt": "Later", "States": {"Later": {"Type": "Wait", "Seconds": 30, "End": true}}}]}}}""")
                .start();

        assertThat(run).isWaitingIn("Both").isWaitingIn("Later");
        org.assertj.core.api.Assertions.assertThat(run.currentStates()).containsExactly("Both", "Later");
        assertThat(run.advance(java.time.Duration.ofSeconds(30))).succeeded().hasOutput("[1, {}]");
    }
}
