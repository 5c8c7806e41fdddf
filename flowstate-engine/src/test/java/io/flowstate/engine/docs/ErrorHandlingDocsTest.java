package io.flowstate.engine.docs;

import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.docs.DocRun.error;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's "Handling errors in Step Functions workflows" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html): error names
 * ({@code States.ALL}, {@code States.TaskFailed}, {@code States.Runtime}), retriers (IntervalSeconds,
 * MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy, one attempt count per retrier) and catchers with
 * ResultPath.
 */
class ErrorHandlingDocsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:FailFunction";

    private static String task(String handling) {
        // Only the handler states the catchers name: AWS rejects states that cannot be reached.
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "'," + handling + ",'End':true}"
                + (handling.contains("'RecoveryState'") ? ",'RecoveryState':{'Type':'Pass','End':true}" : "")
                + (handling.contains("'EndState'") ? ",'EndState':{'Type':'Pass','Result':'end','End':true}" : "") + "}}";
    }

    /** A task script that fails with these errors in turn, then succeeds. */
    private static java.util.function.Function<io.flowstate.engine.interp.Effect.InvokeTask, DocRun.Answer> failing(
            String... errors) {
        Iterator<String> it = List.of(errors).iterator();
        return call -> it.hasNext() ? error(it.next(), "cause") : result("'done'");
    }

    /** Retry example: "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5 waits 3 then 4.5 seconds. */
    @Test
    void retry_backoffRateOneAndAHalf_waitsThreeThenFourAndAHalfSeconds() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':3,'MaxAttempts':2,"
                + "'BackoffRate':1.5}]"), "{}", failing("States.Timeout", "States.Timeout", "States.Timeout"));

        assertThat(r.waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500));
        assertThat(r.failure().error()).isEqualTo("States.Timeout");
        assertThat(r.calls).hasSize(3);
    }

    /** Defaults: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0. */
    @Test
    void retry_defaults_threeRetriesAfterOneTwoAndFourSeconds() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['States.ALL']}]"), "{}", failing("A", "A", "A", "A"));

        assertThat(r.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(r.calls).hasSize(4);
    }

    /** "A MaxAttempts value of 0 ... causes the error to never be retried." */
    @Test
    void retry_maxAttemptsZero_neverRetries() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':0}]"), "{}", failing("A"));

        assertThat(r.calls).hasSize(1);
        assertThat(r.failure().error()).isEqualTo("A");
    }

    /** MaxDelaySeconds caps the exponential backoff. */
    @Test
    void retry_maxDelaySeconds_capsTheBackoff() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':2,'MaxAttempts':5,"
                + "'BackoffRate':3,'MaxDelaySeconds':10}]"), "{}", failing("A", "A", "A", "A", "A"));

        assertThat(r.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(r.output()).isEqualTo(json("'done'"));
    }

    /** JitterStrategy FULL: each wait is random between 0 and the computed interval. */
    @Test
    void retry_fullJitter_waitsNoLongerThanTheComputedInterval() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':4,'MaxAttempts':3,"
                + "'BackoffRate':2,'JitterStrategy':'FULL'}]"), "{}", failing("A", "A", "A"));

        assertThat(r.waits).hasSize(3);
        assertThat(r.waits.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
        assertThat(r.waits.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(8));
        assertThat(r.waits.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(16));
    }

    /**
     * "Complex retry scenarios": ErrorA, ErrorB, ErrorC, ErrorB. The first two match the first retrier (waits of one
     * and two seconds), the third the second retrier (five seconds); the fourth matches the first retrier, which has
     * used its two attempts, so the Catch takes over.
     */
    @Test
    void retry_twoRetriersEachWithItsOwnCount_fourthErrorGoesToTheCatch() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['ErrorA','ErrorB'],'IntervalSeconds':1,'BackoffRate':2.0,"
                + "'MaxAttempts':2},{'ErrorEquals':['ErrorC'],'IntervalSeconds':5}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'EndState'}]"), "{}",
                failing("ErrorA", "ErrorB", "ErrorC", "ErrorB"));

        assertThat(r.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(r.output()).isEqualTo(json("'end'"));
    }

    /** Catch example: {@code java.lang.Exception} to RecoveryState with ResultPath, anything else to EndState. */
    @Test
    void catch_namedError_recoveryStateGetsInputAndErrorInfo() {
        String def = task("'Catch':[{'ErrorEquals':['java.lang.Exception'],'ResultPath':'$.error-info',"
                + "'Next':'RecoveryState'},{'ErrorEquals':['States.ALL'],'Next':'EndState'}]");

        DocRun recovered = run(def, "{'foo':'bar'}", call -> error("java.lang.Exception", "boom"));
        DocRun ended = run(def, "{'foo':'bar'}", call -> error("Other", "x"));

        assertThat(recovered.output()).isEqualTo(json("{'foo':'bar','error-info':{'Error':'java.lang.Exception',"
                + "'Cause':'boom'}}"));
        assertThat(ended.output()).isEqualTo(json("'end'"));
    }

    /** Without ResultPath the catcher's error output replaces the input. */
    @Test
    void catch_noResultPath_errorOutputIsTheNextInput() {
        DocRun r = run(task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'RecoveryState'}]"), "{'foo':'bar'}",
                call -> error("CustomError", "went wrong"));

        assertThat(r.output()).isEqualTo(json("{'Error':'CustomError','Cause':'went wrong'}"));
    }

    /** "States.TaskFailed ... acts as a wildcard that matches any known error name except for States.Timeout." */
    @Test
    void catchTaskFailed_customError_isCaughtButTimeoutIsNot() {
        String def = task("'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'EndState'}]");

        assertThat(run(def, "{}", call -> error("CustomError", null)).output()).isEqualTo(json("'end'"));
        assertThat(run(def, "{}", call -> error("States.Timeout", null)).failure().error()).isEqualTo("States.Timeout");
    }

    /** States.ALL catches a timeout too. */
    @Test
    void catchAll_timeout_isCaught() {
        DocRun r = run(task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'EndState'}]"), "{}",
                call -> error("States.Timeout", null));

        assertThat(r.output()).isEqualTo(json("'end'"));
    }

    /** Retriers are tried in order; the first whose ErrorEquals matches is used. */
    @Test
    void retry_firstMatchingRetrier_decidesTheInterval() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['A'],'IntervalSeconds':7,'MaxAttempts':1},"
                + "{'ErrorEquals':['States.ALL'],'IntervalSeconds':2,'MaxAttempts':1}]"), "{}", failing("A", "B"));

        assertThat(r.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(r.output()).isEqualTo(json("'done'"));
    }

    /** A runtime error (an OutputPath matching nothing) is not caught, not even by a States.Runtime catcher (recorded). */
    @Test
    void catchRuntime_outputPathMatchesNothing_failsTheExecution() {
        DocRun r = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "',"
                + "'OutputPath':'$.no.such.result.path','Catch':[{'ErrorEquals':['States.Runtime'],'Next':'C'},"
                + "{'ErrorEquals':['States.ALL'],'Next':'C'}],'End':true},'C':{'Type':'Pass','End':true}}}", "{}",
                call -> result("{}"));

        assertThat(r.failure().error()).isEqualTo("States.Runtime");
    }

    /** Parallel: a failed branch fails the state with the branch's error, which the Parallel's Catch can take. */
    @Test
    void parallelCatch_branchFails_catcherGetsTheBranchError() {
        DocRun r = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'F','States':{"
                + "'F':{'Type':'Fail','Error':'BranchError','Cause':'bad branch'}}},{'StartAt':'OK','States':{"
                + "'OK':{'Type':'Pass','End':true}}}],'Catch':[{'ErrorEquals':['BranchError'],'Next':'H'}],'End':true},"
                + "'H':{'Type':'Pass','End':true}}}", "{}");

        assertThat(r.output()).isEqualTo(json("{'Error':'BranchError','Cause':'bad branch'}"));
    }

    /** Retry on a Parallel state reruns its branches. */
    @Test
    void parallelRetry_branchFails_retriesTheWholeState() {
        DocRun r = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'" + LAMBDA + "','End':true}}}],"
                + "'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':1,'MaxAttempts':1}],'End':true}}}", "{}",
                failing("A"));

        assertThat(r.calls).hasSize(2);
        assertThat(r.output()).isEqualTo(json("['done']"));
    }

    /** state-task.html: a task that outlives TimeoutSeconds fails with States.Timeout. */
    @Test
    void taskTimeoutSeconds_noAnswer_failsWithStatesTimeout() {
        DocRun r = run(task("'TimeoutSeconds':5"), "{}", call -> null);

        assertThat(r.waits).contains(Duration.ofSeconds(5));
        assertThat(r.failure().error()).isEqualTo("States.Timeout");
    }

    /** state-task.html: TimeoutSecondsPath reads the timeout from the input; a Retry on States.Timeout retries. */
    @Test
    void taskTimeoutSecondsPath_retriedOnTimeout_thenCaught() {
        DocRun r = run(task("'TimeoutSecondsPath':'$.timeout','Retry':[{'ErrorEquals':['States.Timeout'],"
                + "'IntervalSeconds':1,'MaxAttempts':1}],'Catch':[{'ErrorEquals':['States.Timeout'],"
                + "'Next':'EndState'}]"), "{'timeout':30}", call -> null);

        assertThat(r.calls).hasSize(2);
        assertThat(r.waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(r.output()).isEqualTo(json("'end'"));
    }

    /** A catcher's ResultPath applies to the state's raw input; the state's OutputPath is not applied (recorded). */
    @Test
    void catchResultPath_stateWithInputAndOutputPath_errorJoinsTheRawInput() {
        DocRun r = run(task("'InputPath':'$.payload','OutputPath':'$.result','Catch':[{'ErrorEquals':['States.ALL'],"
                + "'ResultPath':'$.error','Next':'RecoveryState'}]"), "{'payload':{'n':1},'other':true}",
                call -> error("Boom", "why"));

        assertThat(r.calls.get(0).input()).isEqualTo(json("{'n':1}"));
        assertThat(r.output()).isEqualTo(json("{'payload':{'n':1},'other':true,'error':{'Error':'Boom','Cause':'why'}}"));
    }

    /** Only the first retrier that matches counts: once it is used up, a later States.ALL retrier is not tried. */
    @Test
    void retry_matchingRetrierUsedUp_laterRetriersAreNotTried() {
        DocRun r = run(task("'Retry':[{'ErrorEquals':['A'],'MaxAttempts':1},{'ErrorEquals':['States.ALL'],"
                + "'MaxAttempts':5}]"), "{}", failing("A", "A", "A"));

        assertThat(r.calls).hasSize(2);
        assertThat(r.failure().error()).isEqualTo("A");
    }
}
