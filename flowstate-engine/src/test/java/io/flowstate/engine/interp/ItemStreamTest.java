package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map reading its items window by window ({@link ItemStream}) and writing its results part by part
 * ({@link ResultParts}) while its children run.
 */
class ItemStreamTest {
    private static StateMachine machine(String extra, String type) {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map'," + extra
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'b','Key':'k'},"
                + "'ReaderConfig':{'InputType':'JSONL'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'" + type + "'},"
                + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
    }

    private static JsonNode window(boolean more, int... ids) {
        ObjectNode w = Json.object();
        ArrayNode items = w.putArray("Items");
        for (int id : ids) {
            items.addObject().put("id", id);
        }
        w.put("More", more);
        return w;
    }

    private static List<Effect.InvokeTask> tasks(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance).map(Effect.InvokeTask.class::cast)
                .toList();
    }

    private static Effect.InvokeTask only(Decision d) {
        assertThat(tasks(d)).hasSize(1);
        return tasks(d).get(0);
    }

    @Test
    void advance_readerAnswersWindows_readsOnFromWhereTheLastEndedAndMapsOverAllItems() {
        Interpreter.Started s = Interpreter.start(machine("", "STANDARD"), info(json("{}")), T0);
        Effect.InvokeTask first = only(s.decision());
        assertThat(first.readerConfig().orElseThrow().path("Window").toString()).isEqualTo("{\"Start\":0,\"Size\":10000}");

        Decision d = Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(first.taskId(), window(true, 0, 1, 2)), T0);
        Effect.InvokeTask second = only(d);
        assertThat(second.resource()).isEqualTo(first.resource());
        assertThat(second.input()).isEqualTo(first.input());
        assertThat(second.readerConfig().orElseThrow().path("Window").toString()).isEqualTo("{\"Start\":3,\"Size\":10000}");
        assertThat(second.readerConfig().orElseThrow().path("InputType").asText()).isEqualTo("JSONL");
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(second.taskId(), window(false, 3, 4)), T0);

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output()).contains(json("[{'id':0},{'id':1},{'id':2},{'id':3},{'id':4}]"));
        assertThat(s.execution().mapRuns().get(0).items()).hasSize(5);
    }

    @Test
    void advance_windowsWithItemBatcher_batchesAsOverAllItemsAtOnce() {
        StateMachine m = machine("'ItemBatcher':{'MaxItemsPerBatch':2},", "STANDARD");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(true, 0, 1, 2)), T0);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(only(d).taskId(), window(false, 3, 4)), T0);

        assertThat(s.execution().output()).contains(json("[{'Items':[{'id':0},{'id':1}]},"
                + "{'Items':[{'id':2},{'id':3}]},{'Items':[{'id':4}]}]"));
        assertThat(s.execution().mapRuns().get(0).items()).extracting(MapRunView.Item::itemCount)
                .containsExactly(2, 2, 1);
    }

    @Test
    void advance_itemSelectorOverWindows_seesEachItemsIndexInTheWholeRun() {
        StateMachine m = machine("'ItemSelector':{'i.$':'$$.Map.Item.Index','v.$':'$$.Map.Item.Value.id'},",
                "EXPRESS");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(true, 7, 8)), T0);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(only(d).taskId(), window(false, 9)), T0);

        assertThat(s.execution().output()).contains(json("[{'i':0,'v':7},{'i':1,'v':8},{'i':2,'v':9}]"));
    }

    @Test
    void advance_laterWindowFails_stopsTheRunAndFailsTheStateWithTheReadersError() {
        Interpreter.Started s = Interpreter.start(machine("'MaxConcurrency':1,", "STANDARD"), info(json("{}")), T0);
        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(true, 0)), T0);
        Effect.InvokeTask next = only(d);

        Decision failed = Interpreter.advance(s.execution(), new Trigger.TaskFailed(next.taskId(),
                "States.ItemReaderFailed", Optional.of("The object was deleted.")), T0);

        assertThat(failed.events().stream().map(e -> e.type().awsName()).toList())
                .contains("MapRunFailed", "MapStateFailed", "ExecutionFailed");
        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.ItemReaderFailed");
        assertThat(s.execution().failure().orElseThrow().cause()).contains("The object was deleted.");
    }

    @Test
    void advance_manyResultsWithWriter_writesThemInPartsThenTheManifestListsEveryFile() {
        StateMachine m = machine("'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                + "'Parameters':{'Bucket':'out','Prefix':'p'}},", "EXPRESS");
        int n = ResultParts.RECORDS + 500;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(false, ids)), T0);

        Effect.InvokeTask part = only(d);
        JsonNode config = part.readerConfig().orElseThrow();
        assertThat(part.resource()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(config.path("Part").asBoolean()).isTrue();
        assertThat(config.path("FileIndex")).isEqualTo(json("{'FAILED':0,'PENDING':0,'SUCCEEDED':0}"));
        assertThat(config.path("Children")).hasSize(ResultParts.RECORDS);
        assertThat(config.path("Children").get(0).path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(config.path("Children").get(0).path("Output")).isEqualTo(json("{'id':0}"));
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
        // The Express children written are let go: nothing of them is kept but their count.
        assertThat(s.execution().mapRuns().get(0).items().get(0).status()).isEqualTo(MapRunView.ItemStatus.SUCCEEDED);

        Decision after = Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(part.taskId(),
                json("{'ResultFiles':{'FAILED':[],'PENDING':[],'SUCCEEDED':[{'Key':'p/x/SUCCEEDED_0.json','Size':9}]}}")),
                T0);

        Effect.InvokeTask last = only(after);
        JsonNode lastConfig = last.readerConfig().orElseThrow();
        assertThat(lastConfig.has("Part")).isFalse();
        assertThat(lastConfig.path("Children")).hasSize(500);
        assertThat(lastConfig.path("Children").get(0).path("Index").asInt()).isEqualTo(ResultParts.RECORDS);
        assertThat(lastConfig.path("Written").path("SUCCEEDED")).isEqualTo(json("[{'Key':'p/x/SUCCEEDED_0.json','Size':9}]"));

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(last.taskId(),
                json("{'MapRunArn':'arn','ResultWriterDetails':{'Bucket':'out','Key':'p/x/manifest.json'}}")), T0);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output().orElseThrow().path("ResultWriterDetails").path("Key").asText())
                .isEqualTo("p/x/manifest.json");
    }

    @Test
    void advance_fewResultsWithWriter_writesThemOnceAtTheEnd() {
        StateMachine m = machine("'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                + "'Parameters':{'Bucket':'out'}},", "EXPRESS");
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);

        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(false, 1, 2)), T0);

        JsonNode config = only(d).readerConfig().orElseThrow();
        assertThat(config.has("Part")).isFalse();
        assertThat(config.path("Results")).isEqualTo(json("[{'id':1},{'id':2}]"));
        assertThat(config.path("Children")).hasSize(2);
    }

    @Test
    void advance_partFails_failsTheStateWithTheWritersError() {
        StateMachine m = machine("'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                + "'Parameters':{'Bucket':'out'}},", "EXPRESS");
        int[] ids = new int[ResultParts.RECORDS];
        Interpreter.Started s = Interpreter.start(m, info(json("{}")), T0);
        Decision d = Interpreter.advance(s.execution(),
                new Trigger.TaskSucceeded(only(s.decision()).taskId(), window(true, ids)), T0);
        Effect.InvokeTask part = tasks(d).stream().filter(t -> t.readerConfig().orElseThrow().has("Part"))
                .findFirst().orElseThrow();

        Interpreter.advance(s.execution(), new Trigger.TaskFailed(part.taskId(), "States.ResultWriterFailed",
                Optional.of("Access Denied")), T0);

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.ResultWriterFailed");
    }
}
