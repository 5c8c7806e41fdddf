package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.HistoryEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A ResultWriter when its Map Run fails: AWS still writes the run's results ("ResultWriter (Map)": the manifest and
 * the SUCCEEDED, FAILED and PENDING files; PENDING holds the children the failed run never started), and the state
 * fails once they are written.
 */
class ItemWritesTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

    /** Item 2 fails; the others wait in a Task (so the failure aborts them) or pass, by {@code other}. */
    private static StateMachine map(String fields, String other) {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items'," + fields + ","
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'b'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C',"
                + "'States':{'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'F'}],"
                + "'Default':'O'},'F':{'Type':'Fail','Error':'Two','Cause':'no twos'},'O':" + other + "}},"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'Next':'Done'},"
                + "'Caught':{'Type':'Pass','End':true},'Done':{'Type':'Succeed'}}}");
    }

    private static final String PASS = "{'Type':'Pass','End':true}";
    private static final String TASK = "{'Type':'Task','Resource':'" + LAMBDA + "','End':true}";

    private static Effect.InvokeTask write(Decision d) {
        return d.effects().stream().filter(Effect.InvokeTask.class::isInstance).map(Effect.InvokeTask.class::cast)
                .filter(t -> t.resource().equals("arn:aws:states:::s3:putObject")).findFirst().orElseThrow();
    }

    private static List<String> statuses(Effect.InvokeTask write) {
        return java.util.stream.StreamSupport.stream(write.readerConfig().orElseThrow().path("Children").spliterator(),
                false).map(c -> c.path("Status").asText()).toList();
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    @Test
    void start_runFailsWithResultWriter_writesEveryChildBeforeTheStateFails() {
        Interpreter.Started s = Interpreter.start(map("'MaxConcurrency':1", PASS), info(json("{'items':[1,2,3]}")), T0);

        Effect.InvokeTask write = write(s.decision());
        // Item 1 succeeded, item 2 failed, item 3 was never started.
        assertThat(statuses(write)).containsExactly("SUCCEEDED", "FAILED", "PENDING");
        JsonNode children = write.readerConfig().orElseThrow().path("Children");
        assertThat(children.get(1).path("Error").asText()).isEqualTo("Two");
        assertThat(children.get(2).path("Input")).isEqualTo(json("3"));
        assertThat(types(s.decision().events())).endsWith("MapRunFailed");
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void advance_failedRunWritten_stateFailsWithTheRunsErrorAndCatchApplies() {
        Interpreter.Started s = Interpreter.start(map("'MaxConcurrency':1", PASS), info(json("{'items':[1,2,3]}")), T0);
        Effect.InvokeTask write = write(s.decision());

        Decision d = Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(write.taskId(),
                json("{'MapRunArn':'arn','ResultWriterDetails':{'Bucket':'b','Key':'x/manifest.json'}}")), T0);

        assertThat(types(d.events())).startsWith("MapStateFailed");
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output().orElseThrow().path("Error").asText())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    /** Whatever the writer answers, the state fails as its run did. */
    @Test
    void advance_failedRunWriterFails_stateStillFailsWithTheRunsError() {
        Interpreter.Started s = Interpreter.start(map("'MaxConcurrency':1", PASS), info(json("{'items':[1,2,3]}")), T0);
        Effect.InvokeTask write = write(s.decision());

        Interpreter.advance(s.execution(), new Trigger.TaskFailed(write.taskId(), "States.ResultWriterFailed",
                Optional.of("no bucket")), T0);

        assertThat(s.execution().output().orElseThrow().path("Error").asText())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void start_runFailsWhileOthersRun_writesTheAbortedChildren() {
        Interpreter.Started s = Interpreter.start(map("'MaxConcurrency':0", TASK), info(json("{'items':[1,2,3]}")), T0);

        assertThat(statuses(write(s.decision()))).containsExactly("ABORTED", "FAILED", "ABORTED");
    }

    @Test
    void start_failedBatchedRun_writesEachBatchAsOneChild() {
        Interpreter.Started s = Interpreter.start(batched(), info(json("{'items':[1,2,3,4,5]}")), T0);

        Effect.InvokeTask write = write(s.decision());
        assertThat(statuses(write)).containsExactly("SUCCEEDED", "FAILED", "PENDING");
        assertThat(write.readerConfig().orElseThrow().path("Children").get(2).path("Input"))
                .isEqualTo(json("{'Items':[5]}"));
    }

    /** Batches of two, the one holding item 3 failing. */
    private static StateMachine batched() {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':1,"
                + "'ItemBatcher':{'MaxItemsPerBatch':2},"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'b'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C',"
                + "'States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.Items[0]','NumericEquals':3,'Next':'F'}],"
                + "'Default':'P'},'F':{'Type':'Fail','Error':'Three'},'P':{'Type':'Pass','End':true}}},'End':true}}}");
    }

    /** A run that succeeds is written once, as before: no failure follows. */
    @Test
    void advance_succeededRunWritten_exitsWithTheWritersAnswer() {
        Interpreter.Started s = Interpreter.start(map("'ToleratedFailureCount':1", PASS),
                info(json("{'items':[1,2,3]}")), T0);
        Effect.InvokeTask write = write(s.decision());

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(write.taskId(), json("{'MapRunArn':'arn'}")), T0);

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output()).contains(json("{'MapRunArn':'arn'}"));
    }
}
