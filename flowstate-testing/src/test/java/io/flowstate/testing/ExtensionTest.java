package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder form: options and bindings shared by every test of a class. */
class ExtensionTest {
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    @RegisterExtension
    static final FlowstateExtension FLOWSTATE = FlowstateExtension.builder()
            .clock(ClockMode.MANUAL)
            .startTime(START)
            .region("eu-west-1", "111122223333")
            .setUp(f -> f.resource("arn:aws:lambda:*").returns("{\"shared\": true}"))
            .build();

    private Flowstate fromBeforeEach;

    @BeforeEach
    void remember(Flowstate flowstate) {
        fromBeforeEach = flowstate;
    }

    @Test
    void resolve_beforeEachAndTest_shareOneFlowstate(Flowstate flowstate) {
        assertThat(flowstate).isSameAs(fromBeforeEach);
        assertThat(flowstate.options().clockMode()).isEqualTo(ClockMode.MANUAL);
    }

    @Test
    void start_builderOptions_applyToTheExecution(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:f", "Next": "Nap"},
                  "Nap": {"Type": "Wait", "Seconds": 60, "End": true}}}""").start();

        assertThat(run).isWaitingIn("Nap");
        assertThat(run.executionArn()).startsWith("arn:aws:states:eu-west-1:111122223333:execution:");
        assertThat(run.advance(Duration.ofMinutes(1))).succeeded().hasOutput("{\"shared\": true}");
        assertThat(run.now()).isEqualTo(START.plusSeconds(60));
    }
}
