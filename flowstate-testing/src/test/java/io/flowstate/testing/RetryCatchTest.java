package io.flowstate.testing;

import static io.flowstate.testing.Outcomes.failure;
import static io.flowstate.testing.Outcomes.success;
import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry with backoff, Catch, and failing handlers, on the order machine of src/test/resources. */
@FlowstateTest
class RetryCatchTest {
    private TestStateMachine order;

    @BeforeEach
    void load(Flowstate flowstate) {
        order = flowstate.loadResource("machines/order.asl.json");
        flowstate.lambda("ship").answers(in -> in.path("orderId").isMissingNode() ? null
                : io.flowstate.asl.json.Json.object().put("trackingId", "T-" + in.get("orderId").asText()));
    }

    @Test
    void start_paymentBusyTwice_retriesTwiceWithBackoffThenShips(Flowstate flowstate) {
        flowstate.task("Charge").outcomes(failure("Payment.Busy", "try later"), failure("Payment.Busy", "again"),
                success("{\"paid\": true}"));

        TestExecution run = order.start("{\"orderId\": \"o-1\"}");

        assertThat(run).succeeded().hasRetried("Charge", 2).hasTaskCalls("Charge", 3)
                .visited("Validate", "Charge", "Cool Off", "Ship")
                .hasOutputAt("$.payment.paid", true)
                .hasOutputAt("$.shipment", java.util.Map.of("trackingId", "T-o-1"));
        // Backoff 1 s then 2 s, then the one-day Wait.
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofDays(1).plusSeconds(3)));
    }

    @Test
    void start_paymentDeclined_takesCatchPathToRefund(Flowstate flowstate) {
        flowstate.lambda("charge").answers(in -> {
            throw new TaskError("Payment.Declined", "card expired");
        });

        TestExecution run = order.start("{\"orderId\": \"o-2\"}");

        assertThat(run).failed().hasError("OrderFailed").hasCause("The card was declined")
                .visited("Charge", "Refund").didNotVisit("Cool Off", "Ship").hasRetried("Charge", 0);
    }

    @Test
    void start_handlerReturnsUncaughtFailure_failsExecutionWithItsErrorAndCause(Flowstate flowstate) {
        flowstate.resource("arn:aws:lambda:*:function:charge").fails("Payment.Fraud", "blocked by rules");

        TestExecution run = order.start("{\"orderId\": \"o-3\"}");

        assertThat(run).failed().hasError("Payment.Fraud").hasCauseContaining("blocked");
    }

    @Test
    void start_handlerThrowsRuntimeException_failsTaskNamedAfterTheException(Flowstate flowstate) {
        flowstate.task("Charge").answers(in -> {
            throw new IllegalStateException("no connection");
        });

        TestExecution run = order.start("{\"orderId\": \"o-4\"}");

        assertThat(run).failed().hasError("IllegalStateException").hasCause("no connection");
    }

    @Test
    void start_retriesExhausted_failsWithTheLastError(Flowstate flowstate) {
        flowstate.task("Charge").fails("Payment.Busy", "still busy");

        TestExecution run = order.start("{\"orderId\": \"o-5\"}");

        assertThat(run).failed().hasError("Payment.Busy").hasRetried("Charge", 3).hasTaskCalls("Charge", 4);
    }

    @Test
    void start_nothingBoundToATask_throwsNamingTheState(Flowstate flowstate) {
        assertThatThrownBy(() -> order.start("{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state 'Charge'").hasMessageContaining("flowstate.task(\"Charge\")");
    }
}
