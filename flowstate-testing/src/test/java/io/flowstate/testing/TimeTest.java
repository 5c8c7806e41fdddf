package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Virtual time: skipped by itself when the execution only waits, or moved by the test. */
@FlowstateTest
class TimeTest {
    private static final String NAP = """
            {"StartAt": "Nap", "States": {
              "Nap": {"Type": "Wait", "Seconds": 86400, "Next": "Done"},
              "Done": {"Type": "Pass", "Result": {"rested": true}, "End": true}}}""";

    @Test
    void start_oneDayWait_finishesAtOnceOneVirtualDayLater(Flowstate flowstate) {
        long before = System.nanoTime();

        TestExecution run = flowstate.loadJson(NAP).start();

        assertThat(run).succeeded().hasOutput("{\"rested\": true}").visitedExactly("Nap", "Done");
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofDays(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void advance_lessThanTheWait_leavesExecutionWaitingInState(Flowstate flowstate) {
        TestExecution run = flowstate.manualClock().loadJson(NAP).start();

        run.advance(Duration.ofHours(23));

        assertThat(run).isWaitingIn("Nap").didNotVisit("Done");
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofHours(23)));
    }

    @Test
    void advance_pastTheWait_finishesWithExitAtTheWaitsDueTime(Flowstate flowstate) {
        TestExecution run = flowstate.manualClock().loadJson(NAP).start().advance(Duration.ofHours(23));

        run.advance(Duration.ofHours(2));

        assertThat(run).succeeded();
        assertThat(run.history().events().get(run.history().events().size() - 1).timestamp())
                .isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofDays(1)));
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plus(Duration.ofHours(25)));
    }

    @Test
    void runToCompletion_manualClock_firesEveryTimer(Flowstate flowstate) {
        TestExecution run = flowstate.manualClock().loadJson(NAP).start();

        assertThat(run.runToCompletion()).succeeded();
    }

    @Test
    void start_slowTaskBeyondItsTimeout_timesOutOnVirtualTime(Flowstate flowstate) {
        TestExecution run = flowstate.task("Slow").after(Duration.ofMinutes(10)).returns("{}").loadJson("""
                {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "TimeoutSeconds": 60,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:slow", "End": true}}}""").start();

        assertThat(run).failed().hasError("States.Timeout");
        // The timeout wins at 60 s: the execution ends before the slow result would come.
        assertThat(run.now()).isEqualTo(FlowstateOptions.DEFAULT_START.plusSeconds(60));
    }

    @Test
    void start_machineTimeoutBeforeTheWaitEnds_timesOut(Flowstate flowstate) {
        TestExecution run = flowstate.loadJson("""
                {"TimeoutSeconds": 3600, "StartAt": "Nap", "States": {
                  "Nap": {"Type": "Wait", "Seconds": 86400, "End": true}}}""").start();

        assertThat(run).timedOut().hasError("States.Timeout");
    }
}
