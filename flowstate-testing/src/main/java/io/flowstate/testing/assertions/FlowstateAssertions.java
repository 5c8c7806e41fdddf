package io.flowstate.testing.assertions;

import io.flowstate.testing.ExecutionHistory;
import io.flowstate.testing.TestExecution;

/**
 * Entry point of the fluent assertions (AssertJ; add {@code org.assertj:assertj-core} to your tests):
 *
 * <pre>{@code
 * import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
 *
 * assertThat(execution).succeeded()
 *         .hasOutputAt("$.status", "SHIPPED")
 *         .visited("Charge", "Ship")
 *         .hasRetried("Charge", 2);
 * assertThat(execution.history()).matchesGoldenFile(Path.of("src/test/resources/golden/order.json"));
 * }</pre>
 */
public final class FlowstateAssertions {
    private FlowstateAssertions() {}

    /** Assertions on an execution. */
    public static ExecutionAssert assertThat(TestExecution actual) {
        return new ExecutionAssert(actual);
    }

    /** Assertions on a history. */
    public static HistoryAssert assertThat(ExecutionHistory actual) {
        return new HistoryAssert(actual);
    }
}
