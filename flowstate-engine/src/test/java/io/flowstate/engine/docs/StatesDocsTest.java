package io.flowstate.engine.docs;

import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.docs.DocRun.assertJson;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's state type pages: Pass (https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html),
 * Wait (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html), Succeed
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html), Fail
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html), Parallel
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html) and Map in inline mode
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html), with the ItemBatcher page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html).
 */
class StatesDocsTest {
    private static final String SHIPPED = "{'ship-date':'2016-03-14T01:59:00Z','detail':{'delivery-partner':'UQS',"
            + "'shipped':[{'prod':'R31','dest-code':9511,'quantity':1344},{'prod':'S39','dest-code':9511,'quantity':40},"
            + "{'prod':'R31','dest-code':9833,'quantity':12},{'prod':'R40','dest-code':9860,'quantity':887},"
            + "{'prod':'R40','dest-code':9511,'quantity':1220}]}}";

    /** state-pass.html: Result placed at ResultPath {@code $.coords}. */
    @Test
    void passResult_resultPathCoords_addsTheCoordinatesToTheInput() {
        DocRun r = run("{'StartAt':'No-op','States':{'No-op':{'Type':'Pass','Result':{'x-datum':0.381018,"
                + "'y-datum':622.2269926397355},'ResultPath':'$.coords','End':true}}}", "{'georefOf':'Home'}");

        assertThat(r.output()).isEqualTo(json("{'georefOf':'Home','coords':{'x-datum':0.381018,"
                + "'y-datum':622.2269926397355}}"));
    }

    /** A Pass state without Result passes its input to its output. */
    @Test
    void pass_noResult_outputIsTheInput() {
        assertThat(run("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}", "{'a':[1,{'b':null}]}").output())
                .isEqualTo(json("{'a':[1,{'b':null}]}"));
    }

    @Test
    void waitSeconds_ten_waitsTenSecondsAndPassesTheInput() {
        DocRun r = run("{'StartAt':'wait_ten_seconds','States':{'wait_ten_seconds':{'Type':'Wait','Seconds':10,"
                + "'End':true}}}", "{'k':1}");

        assertThat(r.waits).containsExactly(Duration.ofSeconds(10));
        assertThat(r.output()).isEqualTo(json("{'k':1}"));
    }

    /** The page's absolute Timestamp (2016) is in the past: the state ends at once. */
    @Test
    void waitTimestamp_inThePast_doesNotWait() {
        DocRun r = run("{'StartAt':'wait_until','States':{'wait_until':{'Type':'Wait',"
                + "'Timestamp':'2016-03-14T01:59:00Z','End':true}}}", "{}");

        assertThat(r.waits).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ZERO));
        assertThat(r.output()).isEqualTo(json("{}"));
    }

    @Test
    void waitTimestampPath_futureDate_waitsUntilIt() {
        DocRun r = run("{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.expirydate','End':true}}}",
                "{'expirydate':'2026-01-01T00:01:00Z'}");

        assertThat(r.waits).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void waitSecondsPath_fromInput_waitsThatLong() {
        DocRun r = run("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.expiryseconds','End':true}}}",
                "{'expiryseconds':30}");

        assertThat(r.waits).containsExactly(Duration.ofSeconds(30));
    }

    /** Timestamps "must conform to RFC3339 profile ISO 8601 ... an uppercase T ... an uppercase Z" (recorded: Runtime). */
    @Test
    void waitTimestampPath_noTimeZone_failsWithStatesRuntime() {
        DocRun r = run("{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.t','End':true}}}",
                "{'t':'2016-03-14T01:59:00'}");

        assertThat(r.failure().error()).isEqualTo("States.Runtime");
    }

    @Test
    void succeed_outputPath_filtersTheInput() {
        DocRun r = run("{'StartAt':'S','States':{'S':{'Type':'Succeed','OutputPath':'$.a'}}}", "{'a':{'b':1},'c':2}");

        assertThat(r.output()).isEqualTo(json("{'b':1}"));
    }

    /** state-fail.html: {@code "Error": "ErrorA", "Cause": "Kaiju attack"}. */
    @Test
    void fail_errorAndCause_areTheExecutionsFailure() {
        DocRun r = run("{'StartAt':'FailState','States':{'FailState':{'Type':'Fail','Error':'ErrorA',"
                + "'Cause':'Kaiju attack'}}}", "{}");

        assertThat(r.failure().error()).isEqualTo("ErrorA");
        assertThat(r.failure().cause()).contains("Kaiju attack");
    }

    /** state-fail.html: ErrorPath and CausePath read the input. */
    @Test
    void failErrorPathAndCausePath_paths_readTheInput() {
        DocRun r = run("{'StartAt':'FailState','States':{'FailState':{'Type':'Fail','Comment':'my error comment',"
                + "'ErrorPath':'$.Error','CausePath':'$.Cause'}}}", "{'Error':'MyError','Cause':'it broke'}");

        assertThat(r.failure().error()).isEqualTo("MyError");
        assertThat(r.failure().cause()).contains("it broke");
    }

    /** state-fail.html: ErrorPath and CausePath may be intrinsic functions. */
    @Test
    void failErrorPathAndCausePath_intrinsics_formatTheError() {
        DocRun r = run(failWithIntrinsics(), json("{'Error':'MyError','Cause':'it broke'}"));

        assertThat(r.failure().error()).isEqualTo("MyError");
        assertThat(r.failure().cause())
                .contains("This is a custom error message for MyError, caused by it broke.");
    }

    private static com.fasterxml.jackson.databind.JsonNode failWithIntrinsics() {
        com.fasterxml.jackson.databind.node.ObjectNode d = json("{'StartAt':'FailState','States':{'FailState':{"
                + "'Type':'Fail','Comment':'This is a fail state'}}}").deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode fail = (com.fasterxml.jackson.databind.node.ObjectNode)
                d.path("States").path("FailState");
        fail.put("ErrorPath", "States.Format('{}', $.Error)");
        fail.put("CausePath", "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)");
        return d;
    }

    /** state-parallel.html: the output is an array with each branch's output, in branch order. */
    @Test
    void parallel_twoBranches_outputIsTheirOutputsInOrder() {
        DocRun r = run("{'StartAt':'LookupCustomerInfo','States':{'LookupCustomerInfo':{'Type':'Parallel','End':true,"
                + "'Branches':[{'StartAt':'LookupAddress','States':{'LookupAddress':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:123456789012:function:AddressFinder','End':true}}},"
                + "{'StartAt':'LookupPhone','States':{'LookupPhone':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:123456789012:function:PhoneFinder','End':true}}}]}}}", "{'id':7}",
                call -> call.resource().endsWith("AddressFinder") ? result("{'address':'1 Main St'}")
                        : result("{'phone':'555-0100'}"));

        assertThat(r.output()).isEqualTo(json("[{'address':'1 Main St'},{'phone':'555-0100'}]"));
        assertThat(r.calls).allSatisfy(c -> assertThat(c.input()).isEqualTo(json("{'id':7}")));
    }

    /** state-parallel.html: Parameters give every branch the same input; ResultPath places the array. */
    @Test
    void parallelParametersAndResultPath_branchesSeeParametersAndResultIsPlaced() {
        DocRun r = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','Parameters':{'n.$':'$.n'},"
                + "'ResultPath':'$.results','Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','Result':'b','End':true}}}],'End':true}}}",
                "{'n':1,'other':true}");

        assertThat(r.output()).isEqualTo(json("{'n':1,'other':true,'results':[{'n':1},'b']}"));
    }

    /** state-map-inline.html: InputPath, ItemsPath and ResultPath; each item goes to the processor. */
    @Test
    void inlineMap_shippedItems_resultReplacesTheShippedList() {
        DocRun r = run("{'StartAt':'Validate-All','States':{'Validate-All':{'Type':'Map','InputPath':'$.detail',"
                + "'ItemsPath':'$.shipped','MaxConcurrency':0,'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},"
                + "'StartAt':'Validate','States':{'Validate':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:123456789012:function:ship-val','End':true}}},"
                + "'ResultPath':'$.detail.shipped','End':true}}}", SHIPPED,
                call -> result("{'valid':'" + call.input().path("prod").asText() + "'}"));

        assertThat(r.calls).hasSize(5);
        assertThat(r.calls.get(0).input()).isEqualTo(json("{'prod':'R31','dest-code':9511,'quantity':1344}"));
        assertThat(r.output().path("detail").path("shipped")).isEqualTo(json("[{'valid':'R31'},{'valid':'S39'},"
                + "{'valid':'R31'},{'valid':'R40'},{'valid':'R40'}]"));
    }

    /** state-map-inline.html: ItemSelector with {@code $$.Map.Item.Value} and a field of the Map's input. */
    @Test
    void inlineMapItemSelector_parcelAndCourier_eachIterationGetsBoth() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','InputPath':'$.detail','ItemsPath':'$.shipped',"
                + "'ItemSelector':{'parcel.$':'$$.Map.Item.Value','courier.$':'$.delivery-partner'},"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}", SHIPPED);

        assertThat(r.output()).hasSize(5);
        assertThat(r.output().get(1)).isEqualTo(json("{'parcel':{'prod':'S39','dest-code':9511,'quantity':40},"
                + "'courier':'UQS'}"));
    }

    /** The legacy Iterator and Parameters fields still work as ItemProcessor and ItemSelector. */
    @Test
    void inlineMapIteratorAndParameters_legacyFields_behaveLikeTheNewOnes() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','Parameters':{"
                + "'index.$':'$$.Map.Item.Index','value.$':'$$.Map.Item.Value'},'Iterator':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','End':true}}},'End':true}}}", "{'items':['a','b']}");

        assertJson(r.output(), "[{'index':0,'value':'a'},{'index':1,'value':'b'}]");
    }

    /** An empty array gives an empty result without running the processor. */
    @Test
    void inlineMap_emptyItems_resultIsAnEmptyArray() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','End':true}}},'End':true}}}", "[]");

        assertThat(r.output()).isEqualTo(json("[]"));
    }

    /** ItemsPath must select an array (recorded: States.Runtime). */
    @Test
    void inlineMap_itemsPathNotAnArray_failsWithStatesRuntime() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','ItemProcessor':{"
                + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}", "{'items':'nope'}");

        assertThat(r.failure().error()).isEqualTo("States.Runtime");
    }

    /** input-output-itembatcher.html: the batch's BatchInput, then its Items. */
    @Test
    void distributedMapItemBatcher_batchInput_eachBatchHasBatchInputAndItems() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','ItemBatcher':{"
                + "'MaxItemsPerBatch':2,'BatchInput':{'factCheck':'December 2022'}},'ItemProcessor':{'ProcessorConfig':{"
                + "'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'End':true}}},'End':true}}}", "{'items':[{'id':1},{'id':2},{'id':3}]}");

        assertThat(r.output()).isEqualTo(json("[{'BatchInput':{'factCheck':'December 2022'},'Items':[{'id':1},{'id':2}]},"
                + "{'BatchInput':{'factCheck':'December 2022'},'Items':[{'id':3}]}]"));
    }

    /** An iteration that fails fails the inline Map with the iteration's error. */
    @Test
    void inlineMap_iterationFails_mapFailsWithItsError() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'C','States':{"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'F'}],'Default':'OK'},"
                + "'F':{'Type':'Fail','Error':'ItemError','Cause':'two'},'OK':{'Type':'Succeed'}}},'End':true}}}",
                "[1,2,3]");

        assertThat(r.failure().error()).isEqualTo("ItemError");
    }

    /** state-map-distributed.html: more failed items than ToleratedFailureCount fail the Map run. */
    @Test
    void distributedMap_moreFailuresThanTolerated_failsWithExceedToleratedFailureThreshold() {
        DocRun r = run(distributedWithFailures("'ToleratedFailureCount':1"), "[1,2,3,2]");

        assertThat(r.failure().error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    /**
     * maprun-fail-threshold.html: the tolerated percentage defaults to zero, "which means the workflow fails if any
     * one of its child workflow executions fails", with the threshold's error, not the child's.
     */
    @Test
    void distributedMap_noToleranceDeclared_oneFailedChildFailsWithExceedToleratedFailureThreshold() {
        DocRun r = run(distributedWithFailures("'Comment':'no tolerance'"), "[1,2,3]");

        assertThat(r.failure().error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.failure().cause()).contains("The specified tolerated failure threshold was exceeded");
    }

    @Test
    void distributedMap_failuresWithinTheTolerance_succeeds() {
        DocRun r = run(distributedWithFailures("'ToleratedFailurePercentage':50"), "[1,2,3,2]");

        assertThat(r.execution.status()).isEqualTo(io.flowstate.engine.interp.ExecutionStatus.SUCCEEDED);
    }

    private static String distributedWithFailures(String tolerance) {
        return "{'StartAt':'M','States':{'M':{'Type':'Map'," + tolerance + ",'ItemProcessor':{'ProcessorConfig':{"
                + "'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C','States':{"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'F'}],'Default':'OK'},"
                + "'F':{'Type':'Fail','Error':'ItemError'},'OK':{'Type':'Succeed'}}},'End':true}}}";
    }

    /** MaxConcurrency 1 runs the items one at a time; the results keep the items' order. */
    @Test
    void inlineMapMaxConcurrencyOne_tasks_resultsInItemOrder() {
        DocRun r = run("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'ItemProcessor':{'StartAt':'T',"
                + "'States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'End':true}}},'End':true}}}", "['a','b','c']", call -> result("'done-" + call.input().asText() + "'"));

        assertThat(r.output()).isEqualTo(json("['done-a','done-b','done-c']"));
    }
}
