package com.example.orders;

import static io.flowstate.testing.Outcomes.failure;
import static io.flowstate.testing.Outcomes.success;
import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;

import io.flowstate.testing.Flowstate;
import io.flowstate.testing.FlowstateTest;
import io.flowstate.testing.TaskError;
import io.flowstate.testing.TestExecution;
import io.flowstate.testing.TestStateMachine;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order workflow, end to end, on virtual time: two weeks of cooling off take no time at all. */
@FlowstateTest
class OrderWorkflowTest {
    private TestStateMachine orders;

    @BeforeEach
    void setUp(Flowstate flowstate) {
        orders = flowstate.loadResource("statemachine/order.asl.json");
        flowstate.lambda("check-stock").returns("{\"available\": true}");
    }

    @Test
    void order_paymentUnavailableTwice_retriesThenShipsAfterCoolingOff(Flowstate flowstate) {
        flowstate.lambda("charge-card").outcomes(
                failure("Payment.Unavailable", "gateway timeout"),
                failure("Payment.Unavailable", "gateway timeout"),
                success("{\"chargeId\": \"ch_1\"}"));

        TestExecution order = orders.start("{\"orderId\": \"o-1\", \"total\": 40}");

        assertThat(order).succeeded()
                .hasOutput("{\"orderId\": \"o-1\", \"status\": \"SHIPPED\", \"chargeId\": \"ch_1\"}")
                .visited("Check Stock", "Charge", "Cooling Off", "Ship")
                .didNotVisit("Approve")
                .hasRetried("Charge", 2);
    }

    @Test
    void order_cardDeclined_failsWithPaymentDeclined(Flowstate flowstate) {
        flowstate.lambda("charge-card").answers(payment -> {
            throw new TaskError("Payment.Declined", "insufficient funds for " + payment.get("orderId").asText());
        });

        TestExecution order = orders.start("{\"orderId\": \"o-2\", \"total\": 40}");

        assertThat(order).failed().hasError("PaymentDeclined").visited("Charge", "Payment Declined");
    }

    @Test
    void largeOrder_approvedAfterAnHour_isCharged(Flowstate flowstate) {
        flowstate.lambda("charge-card").returns("{\"chargeId\": \"ch_3\"}");
        TestExecution order = orders.start("{\"orderId\": \"o-3\", \"total\": 2500}");

        // The approval request went out; nobody has answered yet.
        order.advance(Duration.ofHours(1));
        assertThat(order).isWaitingIn("Approve");

        order.succeedTask("Approve", "{\"approvedBy\": \"alice\"}");

        assertThat(order).succeeded().hasOutputAt("$.chargeId", "ch_3").visited("Approve", "Charge", "Ship");
    }

    @Test
    void largeOrder_notApprovedWithinADay_fails(Flowstate flowstate) {
        TestExecution order = orders.start("{\"orderId\": \"o-4\", \"total\": 2500}");

        order.advance(Duration.ofDays(1));

        assertThat(order).failed().hasError("NotApproved").didNotVisit("Charge");
    }
}
