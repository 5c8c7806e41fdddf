package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's ItemBatcher, as AWS's "ItemBatcher (Map)" page describes it: each child execution gets a batch
 * {@code {"BatchInput": ..., "Items": [...]}} of items (each through the ItemSelector first), at most
 * MaxItemsPerBatch of them and at most MaxInputBytesPerBatch bytes (256 KiB at most); the Map's result has one
 * entry per batch.
 */
class ItemBatchesTest {
    private static final String PROCESSOR = "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
            + "'ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}";

    private static StateMachine map(String fields) {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items'," + fields + ","
                + PROCESSOR + ",'End':true}}}");
    }

    private static Execution run(StateMachine m, String input) {
        return Interpreter.start(m, info(json(input)), T0).execution();
    }

    private static JsonNode output(StateMachine m, String input) {
        Execution e = run(m, input);
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return e.output().orElseThrow();
    }

    @Test
    void start_maxItemsPerBatch_runsOneChildPerBatchInItemOrder() {
        JsonNode out = output(map("'ItemBatcher':{'MaxItemsPerBatch':2}"), "{'items':[1,2,3,4,5]}");

        assertThat(out).isEqualTo(json("[{'Items':[1,2]},{'Items':[3,4]},{'Items':[5]}]"));
    }

    /** The doc's example: {@code {"BatchInput": {"factCheck": "December 2022"}, "Items": [...]}}, in that order. */
    @Test
    void start_batchInput_isEachBatchsBatchInputBeforeItsItems() {
        JsonNode out = output(map("'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'factCheck.$':'$.when',"
                + "'fixed':1}}"), "{'when':'December 2022','items':['a','b','c']}");

        assertThat(Json.write(out)).isEqualTo("[{\"BatchInput\":{\"factCheck\":\"December 2022\",\"fixed\":1},"
                + "\"Items\":[\"a\",\"b\"]},{\"BatchInput\":{\"factCheck\":\"December 2022\",\"fixed\":1},"
                + "\"Items\":[\"c\"]}]");
    }

    @Test
    void start_itemSelector_shapesEachItemBeforeBatching() {
        JsonNode out = output(map("'ItemSelector':{'v.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index'},"
                + "'ItemBatcher':{'MaxItemsPerBatch':2}"), "{'items':['a','b','c']}");

        assertThat(out).isEqualTo(json("[{'Items':[{'v':'a','i':0},{'v':'b','i':1}]},{'Items':[{'v':'c','i':2}]}]"));
    }

    /** {"Items":["aaaa"]} is 18 bytes, two items 25, three 32: a limit of 25 makes batches of two. */
    @Test
    void start_maxInputBytesPerBatch_closesABatchBeforeItGoesOverTheLimit() {
        JsonNode out = output(map("'ItemBatcher':{'MaxInputBytesPerBatch':25}"),
                "{'items':['aaaa','bbbb','cccc','dddd','eeee']}");

        assertThat(out).isEqualTo(json("[{'Items':['aaaa','bbbb']},{'Items':['cccc','dddd']},{'Items':['eeee']}]"));
        for (JsonNode batch : out) {
            assertThat(Json.write(batch).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(25);
        }
    }

    @Test
    void start_bothLimits_theSmallerOneClosesTheBatch() {
        JsonNode out = output(map("'ItemBatcher':{'MaxItemsPerBatch':3,'MaxInputBytesPerBatch':25}"),
                "{'items':['aaaa','bbbb','cccc']}");

        assertThat(out).isEqualTo(json("[{'Items':['aaaa','bbbb']},{'Items':['cccc']}]"));
    }

    /**
     * Three items of 100 KiB (made by JSONata: an execution's input is itself limited to 256 KiB; $pad is slow for
     * this size), each child giving how many items it got.
     */
    private static JsonNode bigItems(String batcher) {
        StateMachine m = parse("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                + "'Items':'{% [1,2,3].$substring($string([1..30000]), 0, 102400) %}','ItemBatcher':" + batcher + ","
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','Output':'{% $count($states.input.Items) %}','End':true}}},"
                + "'End':true}}}");
        return output(m, "{}");
    }

    /** "If you use batching and don't specify a maximum batch size, the interpreter processes ... up to 256 KiB." */
    @Test
    void start_noByteLimit_batchesUpTo256KiB() {
        assertThat(Json.write(bigItems("{'MaxItemsPerBatch':10}"))).isEqualTo("[2,1]");
    }

    @Test
    void start_byteLimitOver256KiB_isCappedAt256KiB() {
        assertThat(Json.write(bigItems("{'MaxInputBytesPerBatch':1000000}"))).isEqualTo("[2,1]");
    }

    @Test
    void start_maxItemsPerBatchPath_readsTheLimitFromTheInputAcceptingText() {
        JsonNode out = output(map("'ItemBatcher':{'MaxItemsPerBatchPath':'$.n','MaxInputBytesPerBatchPath':'$.b'}"),
                "{'n':'2','b':1000,'items':[1,2,3]}");

        assertThat(out).isEqualTo(json("[{'Items':[1,2]},{'Items':[3]}]"));
    }

    /** A reference path may name a variable, as the Map's other *Path fields may. */
    @Test
    void start_maxItemsPerBatchPathToAVariable_readsTheVariable() {
        StateMachine m = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'perBatch':2},'Next':'M'},"
                + "'M':{'Type':'Map','ItemsPath':'$.items','ItemBatcher':{'MaxItemsPerBatchPath':'$perBatch'},"
                + PROCESSOR + ",'End':true}}}");

        assertThat(output(m, "{'items':[1,2,3]}")).isEqualTo(json("[{'Items':[1,2]},{'Items':[3]}]"));
    }

    @Test
    void start_maxItemsPerBatchPathNotAnInteger_failsWithStatesRuntime() {
        Execution e = run(map("'ItemBatcher':{'MaxItemsPerBatchPath':'$.n'}"), "{'n':'two','items':[1,2,3]}");

        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.failure().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(e.failure().orElseThrow().cause().orElseThrow()).endsWith(
                "The MaxItemsPerBatchPath field refers to value \"two\" which is not a valid integer: $.n");
    }

    /** The path "must resolve to a positive integer". */
    @Test
    void start_maxInputBytesPerBatchPathZero_failsWithStatesRuntime() {
        Execution e = run(map("'ItemBatcher':{'MaxInputBytesPerBatchPath':'$.b'}"), "{'b':0,'items':[1]}");

        assertThat(e.failure().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(e.failure().orElseThrow().cause().orElseThrow()).endsWith(
                "The MaxInputBytesPerBatchPath field refers to value \"0\" which is not a valid integer: $.b");
    }

    @Test
    void start_itemAloneOverTheByteLimit_failsWithStatesRuntime() {
        Execution e = run(map("'ItemBatcher':{'MaxInputBytesPerBatch':20}"), "{'items':['aaaa','a-much-longer-item']}");

        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.failure().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(e.failure().orElseThrow().cause().orElseThrow()).contains("index 1");
    }

    @Test
    void start_noItems_runsNoChildAndGivesAnEmptyResult() {
        assertThat(output(map("'ItemBatcher':{'MaxItemsPerBatch':2}"), "{'items':[]}")).isEqualTo(json("[]"));
    }

    @Test
    void start_jsonata_evaluatesTheLimitsAndBatchInput() {
        StateMachine m = parse("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                + "'Items':'{% $states.input.items %}','ItemBatcher':{'MaxItemsPerBatch':'{% $states.input.n %}',"
                + "'MaxInputBytesPerBatch':'{% $states.input.b %}','BatchInput':{'at':'{% $states.input.at %}'}},"
                + PROCESSOR + ",'End':true}}}");

        JsonNode out = output(m, "{'n':2,'b':1000,'at':'now','items':[1,2,3]}");

        assertThat(Json.write(out)).isEqualTo(Json.write(json("[{'BatchInput':{'at':'now'},'Items':[1,2]},"
                + "{'BatchInput':{'at':'now'},'Items':[3]}]")));
    }

    @Test
    void start_jsonataLimitNotAnInteger_failsWithQueryEvaluationError() {
        StateMachine m = parse("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                + "'Items':'{% $states.input.items %}','ItemBatcher':{'MaxItemsPerBatch':'{% $states.input.n %}'},"
                + PROCESSOR + ",'End':true}}}");

        Execution e = run(m, "{'n':'two','items':[1,2,3]}");

        assertThat(e.failure().orElseThrow().error()).isEqualTo("States.QueryEvaluationError");
        assertThat(e.failure().orElseThrow().cause().orElseThrow()).contains(
                "specified for the field 'MaxItemsPerBatch' returned an unexpected result type. Expected 'integer'");
    }

    /** A child per batch that fails on the batch holding item 3. */
    private static StateMachine failingOnThree(String threshold) {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items'," + threshold + ","
                + "'ItemBatcher':{'MaxItemsPerBatch':2},'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                + "'Variable':'$.Items[0]','NumericEquals':3,'Next':'F'}],'Default':'P'},"
                + "'F':{'Type':'Fail','Error':'Three','Cause':'no threes'},'P':{'Type':'Pass','End':true}}},"
                + "'End':true}}}");
    }

    /**
     * The thresholds count items ("The maximum number/percentage of failed items before the Map Run fails",
     * UpdateMapRun): a failed batch of two is two failed items.
     */
    @Test
    void start_failedBatchOverToleratedCount_failsTheRunCountingItsItems() {
        Execution e = run(failingOnThree("'ToleratedFailureCount':1"), "{'items':[1,2,3,4]}");

        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void start_failedBatchWithinToleratedCount_succeedsWithTheBatchsError() {
        JsonNode out = output(failingOnThree("'ToleratedFailureCount':2"), "{'items':[1,2,3,4]}");

        assertThat(out.get(0)).isEqualTo(json("{'Items':[1,2]}"));
        assertThat(out.get(1).path("Error").asText()).isEqualTo("Three");
        assertThat(out).hasSize(2);
    }

    @Test
    void start_failedBatchPercentage_isOfItemsNotOfBatches() {
        // One batch in three failed (33%), but two items in five (40%).
        assertThat(run(failingOnThree("'ToleratedFailurePercentage':35"), "{'items':[1,2,3,4,5]}").status())
                .isEqualTo(ExecutionStatus.FAILED);
        assertThat(run(failingOnThree("'ToleratedFailurePercentage':40"), "{'items':[1,2,3,4,5]}").status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /** DescribeMapRun counts items and child executions apart: each child knows how many items it processes. */
    @Test
    void mapRuns_batchedRun_showsEachChildsItemCount() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ItemBatcher':{'MaxItemsPerBatch':2},'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:f','End':true}}},'End':true}}}");

        MapRunView view = run(m, "{'items':[1,2,3]}").mapRuns().get(0);

        assertThat(view.items()).extracting(MapRunView.Item::itemCount).containsExactly(2, 1);
        assertThat(view.items().get(0).input()).isEqualTo(json("{'Items':[1,2]}"));
    }
}
