package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.HistoryEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Distributed Map's ItemReader: the items are asked for with an effect and the run goes on when they come. */
class ItemReadsTest {
    private static final StateMachine READER = parse("{'StartAt':'M','States':{'M':{'Type':'Map',"
            + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket.$':'$.b','Key':'k'},"
            + "'ReaderConfig':{'InputType':'CSV','MaxItemsPath':'$.max'}},"
            + "'ItemsPath':'$.ignored',"
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
            + "'States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(e -> e.type().awsName()).toList();
    }

    @Test
    void start_itemReader_startsTheRunAndAsksForTheItems() {
        Interpreter.Started s = Interpreter.start(READER, info(json("{'b':'bucket','max':'2'}")), T0);

        Effect.InvokeTask read = (Effect.InvokeTask) s.decision().effects().get(0);
        assertThat(read.resource()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(read.input()).isEqualTo(json("{'Bucket':'bucket','Key':'k'}"));
        assertThat(read.readerConfig().orElseThrow().toString()).matches("\\{\"InputType\":\"CSV\",\"MaxItems\":2,"
                + "\"MapRunArn\":\"arn:aws:states:[^\"]+:mapRun:[^\"]+\",\"Window\":\\{\"Start\":0,\"Size\":10000}}");
        assertThat(types(s.decision().events())).containsExactly("ExecutionStarted", "MapStateEntered",
                "MapStateStarted", "MapRunStarted");
    }

    @Test
    void advance_itemsRead_mapsOverThemIgnoringItemsPath() {
        Interpreter.Started s = Interpreter.start(READER, info(json("{'b':'bucket','max':2}")), T0);
        Effect.InvokeTask read = (Effect.InvokeTask) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(read.taskId(), json("[{'a':'1'},{'a':'2'}]")), T0);

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output()).contains(json("[{'a':'1'},{'a':'2'}]"));
    }

    @Test
    void advance_readerFails_failsTheRunAndTheState() {
        Interpreter.Started s = Interpreter.start(READER, info(json("{'b':'bucket','max':2}")), T0);
        Effect.InvokeTask read = (Effect.InvokeTask) s.decision().effects().get(0);

        Decision d = Interpreter.advance(s.execution(), new Trigger.TaskFailed(read.taskId(), "States.ItemReaderFailed",
                Optional.of("CSV headers cannot contain duplicates.")), T0);

        assertThat(types(d.events())).containsExactly("MapRunFailed", "MapStateFailed", "ExecutionFailed");
        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void advance_runWithResultWriter_asksTheWriterThenExitsWithItsAnswer() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket.$':'$.b','Prefix':'out'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'b':'bucket','items':[1,2]}")), T0);

        Effect.InvokeTask write = s.decision().effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(Effect.InvokeTask.class::cast).findFirst().orElseThrow();
        assertThat(write.resource()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(write.input()).isEqualTo(json("{'Bucket':'bucket','Prefix':'out'}"));
        assertThat(write.readerConfig().orElseThrow().path("Results")).isEqualTo(json("[1,2]"));
        assertThat(write.readerConfig().orElseThrow().path("MapRunArn").asText()).contains(":mapRun:");

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(write.taskId(),
                json("{'MapRunArn':'arn','ResultWriterDetails':{'Bucket':'bucket','Key':'out/x/manifest.json'}}")), T0);

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output().orElseThrow().path("ResultWriterDetails").path("Key").asText())
                .isEqualTo("out/x/manifest.json");
    }

    @Test
    void advance_readDocumentNotAnArray_failsAsItemReaderFailed() {
        Interpreter.Started s = Interpreter.start(READER, info(json("{'b':'bucket','max':2}")), T0);
        Effect.InvokeTask read = (Effect.InvokeTask) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(read.taskId(), json("{'not':'a list'}")), T0);

        assertThat(s.execution().failure().orElseThrow().cause()).contains("Attempting to map over non-iterable node.");
    }

    /**
     * Regression: a Retry after the reader failed ran the Map over the state input ("Map state input must be an
     * array") instead of reading again. A retry is a new attempt, and so a new Map Run that reads its items.
     */
    @Test
    void advance_readerFailsUnderRetry_retryReadsAgainInANewMapRun() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map',"
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'b','Key':'k'},"
                + "'ReaderConfig':{'InputType':'JSON'}},'Retry':[{'ErrorEquals':['States.ItemReaderFailed']}],"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'not':'items'}")), T0);
        Effect.InvokeTask first = (Effect.InvokeTask) s.decision().effects().get(0);
        Decision failed = Interpreter.advance(s.execution(), new Trigger.TaskFailed(first.taskId(),
                "States.ItemReaderFailed", Optional.of("busy")), T0);
        Effect.StartTimer backoff = (Effect.StartTimer) failed.effects().get(0);

        Decision retried = Interpreter.advance(s.execution(), new Trigger.TimerFired(backoff.timerId()), T0.plusSeconds(1));
        Effect.InvokeTask second = (Effect.InvokeTask) retried.effects().get(0);
        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(second.taskId(), json("[1,2]")), T0.plusSeconds(1));

        assertThat(types(retried.events())).containsExactly("MapStateStarted", "MapRunStarted");
        assertThat(second.readerConfig()).isPresent();
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.execution().output()).contains(json("[1,2]"));
    }

    /**
     * The writer is told how each child ended, so it can file results under SUCCEEDED and FAILED as AWS does
     * (ResultWriter (Map), "Exporting to Amazon S3").
     */
    @Test
    void advance_runWithResultWriterAndToleratedFailure_tellsTheWriterEachChildsStatus() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ToleratedFailureCount':1,"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'b'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C',"
                + "'States':{'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'F'}],"
                + "'Default':'P'},'F':{'Type':'Fail','Error':'Two','Cause':'no twos'},'P':{'Type':'Pass','End':true}}},"
                + "'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'items':[1,2]}")), T0);

        Effect.InvokeTask write = s.decision().effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(Effect.InvokeTask.class::cast).findFirst().orElseThrow();
        var children = write.readerConfig().orElseThrow().path("Children");
        assertThat(children.get(0).path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(children.get(0).path("Output")).isEqualTo(json("1"));
        assertThat(children.get(0).path("Input")).isEqualTo(json("1"));
        assertThat(children.get(0).path("StartDate").asText()).isEqualTo(T0.toString());
        assertThat(children.get(1).path("Status").asText()).isEqualTo("FAILED");
        assertThat(children.get(1).path("Error").asText()).isEqualTo("Two");
        assertThat(children.get(1).path("Cause").asText()).isEqualTo("no twos");
        assertThat(children.get(1).has("Output")).isFalse();
    }

    /** A JSONata ResultWriter's Arguments are evaluated, as its ItemReader's are ("ResultWriter (Map)"). */
    @Test
    void start_jsonataResultWriterArguments_evaluatesTheirExpressions() {
        StateMachine m = parse("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                + "'Items':'{% $states.input.items %}',"
                + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Arguments':{'Bucket':'{% $states.input.b %}',"
                + "'Prefix':'out'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'b':'bucket','items':[1]}")), T0);

        Effect.InvokeTask write = s.decision().effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(Effect.InvokeTask.class::cast).findFirst().orElseThrow();
        assertThat(write.input()).isEqualTo(json("{'Bucket':'bucket','Prefix':'out'}"));
    }
}
