package io.flowstate.engine.runtime;

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
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.Trigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Standard execution whose Distributed Map reads in windows and writes in parts, rebuilt from its journal
 * mid-run (a restart): the window or part it had out is the work to do again, and the run goes on from there to
 * the same end.
 */
class ItemStreamReplayTest {
    private static final StateMachine MACHINE = parse("{'StartAt':'M','States':{'M':{'Type':'Map',"
            + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'b','Key':'k'},"
            + "'ReaderConfig':{'InputType':'JSONL'}},'ItemBatcher':{'MaxItemsPerBatch':3},"
            + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out'}},"
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
            + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");

    /** Answers a window of the items 0..total-1 or a result part, as a reader and writer would. */
    private static JsonNode answer(Effect.InvokeTask t, int total) {
        JsonNode config = t.readerConfig().orElseThrow();
        if (config.has("Window")) {
            long start = config.path("Window").path("Start").asLong();
            ObjectNode w = Json.object();
            ArrayNode items = w.putArray("Items");
            long end = Math.min(total, start + 2_500);
            for (long i = start; i < end; i++) {
                items.addObject().put("id", i);
            }
            return w.put("More", end < total);
        }
        if (config.path("Part").asBoolean()) {
            int n = config.path("FileIndex").path("SUCCEEDED").asInt();
            assertThat(config.path("Children").size()).isLessThanOrEqualTo(1_000);
            ObjectNode files = Json.object();
            files.putObject("ResultFiles").putArray("SUCCEEDED").addObject().put("Key", "SUCCEEDED_" + n + ".json")
                    .put("Size", config.path("Children").size());
            return files;
        }
        int written = 0;
        for (JsonNode f : config.path("Written").path("SUCCEEDED")) {
            written += f.path("Size").asInt();
        }
        return Json.object().put("Records", written + config.path("Children").size());
    }

    @Test
    void replay_midStreamedRun_redoesTheOutstandingWorkAndEndsAsWithoutARestart() {
        int total = 9_001;
        ExecutionInfo info = info(json("{}"));
        Interpreter.Started s = Interpreter.start(MACHINE, info, T0);
        List<JournalEntry> journal = new ArrayList<>();
        List<Effect.InvokeTask> out = tasks(s.decision());
        int restartAt = 3;
        Replay.Replayed rebuilt = null;
        while (!out.isEmpty()) {
            Effect.InvokeTask t = out.remove(0);
            Trigger trigger = new Trigger.TaskSucceeded(t.taskId(), answer(t, total));
            journal.add(new JournalEntry(0, T0, trigger));
            out.addAll(tasks(Interpreter.advance(s.execution(), trigger, T0)));
            if (journal.size() == restartAt) {
                rebuilt = Replay.replay(MACHINE, info, journal);
                assertThat(rebuilt.pendingTasks()).extracting(Effect.InvokeTask::taskId)
                        .containsExactlyElementsOf(out.stream().map(Effect.InvokeTask::taskId).toList());
            }
        }
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // 9,001 items in batches of 3: 3,001 children, each written once, in parts or in the last write.
        assertThat(s.execution().output().orElseThrow()).isEqualTo(json("{'Records':3001}"));

        // The rebuilt execution, answered from where the restart found it, ends the same way.
        List<Effect.InvokeTask> again = new ArrayList<>(rebuilt.pendingTasks());
        while (!again.isEmpty()) {
            Effect.InvokeTask t = again.remove(0);
            again.addAll(tasks(Interpreter.advance(rebuilt.execution(),
                    new Trigger.TaskSucceeded(t.taskId(), answer(t, total)), T0)));
        }
        assertThat(rebuilt.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(rebuilt.execution().output()).isEqualTo(s.execution().output());
        assertThat(rebuilt.execution().history()).isEqualTo(s.execution().history());
    }

    private static List<Effect.InvokeTask> tasks(Decision d) {
        return new ArrayList<>(d.effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(Effect.InvokeTask.class::cast).toList());
    }
}
