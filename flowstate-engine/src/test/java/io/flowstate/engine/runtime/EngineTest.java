package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:work";

    private final ManualTimers timers = new ManualTimers(T0);
    private final CompletableFuture<String> seenToken = new CompletableFuture<>();
    /** When the .sync job ends on its own. */
    private final CompletableFuture<TaskOutcome> jobDone = new CompletableFuture<>();
    private final Engine engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.byResource(Map.of(
            FN, TaskHandlers.function(in -> json("{'ok':true}")),
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken", inv -> {
                seenToken.complete(inv.taskToken().orElseThrow());
                return new TaskOutcome.Success(json("{'MessageId':'m'}"));
            },
            "arn:aws:states:::states:startExecution.sync", inv -> {
                seenToken.complete(inv.input().path("Input").path("TaskToken").asText());
                return new TaskOutcome.Submitted(json("{'ExecutionArn':'child'}"), jobDone::join);
            }), TaskHandlers.unbound()), timers);

    @AfterEach
    void close() {
        jobDone.complete(TaskOutcome.Failure.of("States.TaskFailed", "test over"));
        engine.close();
    }

    private ExecutionSummary await(String arn) throws Exception {
        return engine.completion(arn).get(10, TimeUnit.SECONDS);
    }

    @Test
    void start_passOnlyMachine_isCompleteWhenStartReturns() {
        ExecutionSummary s = engine.start(parse("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}"),
                info(json("{'a':1}")), "STANDARD").orElseThrow();

        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.output()).contains(json("{'a':1}"));
        assertThat(engine.history(s.executionArn(), 0, 100)).hasSize(4);
    }

    @Test
    void start_sameArnTwice_returnsEmptySecondTime() {
        var m = parse("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}");
        assertThat(engine.start(m, info(json("{}")), "STANDARD")).isPresent();
        assertThat(engine.start(m, info(json("{}")), "STANDARD")).isEmpty();
    }

    @Test
    void start_oneYearWait_endsWhenTestClockJumpsWithoutSleeping() throws Exception {
        String arn = engine.start(parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':31536000,'End':true}}}"),
                info(json("{}")), "STANDARD").orElseThrow().executionArn();
        assertThat(engine.describe(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);

        assertThat(timers.fireNext()).isTrue();

        assertThat(await(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(timers.now()).isEqualTo(T0.plus(Duration.ofDays(365)));
    }

    @Test
    void start_taskWithHandler_completesOnVirtualThread() throws Exception {
        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN + "','End':true}}}"),
                info(json("{}")), "STANDARD").orElseThrow().executionArn();

        assertThat(await(arn).output()).contains(json("{'ok':true}"));
    }

    @Test
    void pollActivity_scheduledActivity_returnsTaskAndSuccessCompletesExecution() throws Exception {
        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + ACTIVITY + "','End':true}}}"),
                info(json("{'job':7}")), "STANDARD").orElseThrow().executionArn();

        ActivityTask task = engine.pollActivity(ACTIVITY, Duration.ofSeconds(5)).orElseThrow();
        assertThat(json(task.input().replace('"', '\''))).isEqualTo(json("{'job':7}"));
        assertThat(engine.taskSucceeded(task.taskToken(), json("{'done':true}"))).isEqualTo(TokenOutcome.ACCEPTED);

        assertThat(await(arn).output()).contains(json("{'done':true}"));
        // A token whose task has closed is TaskTimedOut at AWS ("already closed"), not an unknown token.
        assertThat(engine.taskSucceeded(task.taskToken(), json("{}"))).isEqualTo(TokenOutcome.TASK_GONE);
    }

    @Test
    void pollActivity_nothingScheduled_returnsEmptyAfterWait() throws Exception {
        assertThat(engine.pollActivity(ACTIVITY, Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void taskFailed_waitForTaskToken_failsExecutionWithGivenError() throws Exception {
        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}"), info(json("{}")), "STANDARD")
                .orElseThrow().executionArn();
        String token = seenToken.get(10, TimeUnit.SECONDS);

        assertThat(engine.taskFailed(token, "Rejected", Optional.of("no"))).isEqualTo(TokenOutcome.ACCEPTED);

        ExecutionSummary s = await(arn);
        assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(s.error()).contains("Rejected");
    }

    /**
     * AWS's SendTaskSuccess is "used by activity workers, Task states using the callback pattern, and optionally
     * Task states using the job run pattern": a {@code .sync} task's token from {@code $$.Task.Token} ends it
     * (recorded: callback.sync_with_task_token), and the job's own end afterwards changes nothing.
     */
    @Test
    void taskSucceeded_syncJobsTokenFromContext_endsTheTaskBeforeTheJob() throws Exception {
        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::states:startExecution.sync','Parameters':{'StateMachineArn':'sm',"
                + "'Input':{'TaskToken.$':'$$.Task.Token'}},'End':true}}}"), info(json("{}")), "STANDARD")
                .orElseThrow().executionArn();
        String token = seenToken.get(10, TimeUnit.SECONDS);

        assertThat(engine.taskSucceeded(token, json("'early'"))).isEqualTo(TokenOutcome.ACCEPTED);
        ExecutionSummary s = await(arn);
        jobDone.complete(new TaskOutcome.Success(json("{'Output':'late'}")));

        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.output()).contains(json("'early'"));
    }

    @Test
    void taskSucceeded_afterTaskTimedOut_reportsTaskGone() throws Exception {
        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + ACTIVITY
                + "','TimeoutSeconds':5,'End':true}}}"), info(json("{}")), "STANDARD").orElseThrow().executionArn();
        ActivityTask task = engine.pollActivity(ACTIVITY, Duration.ofSeconds(5)).orElseThrow();

        timers.advance(Duration.ofSeconds(5));

        assertThat(await(arn).error()).contains("States.Timeout");
        assertThat(engine.taskSucceeded(task.taskToken(), json("{}"))).isEqualTo(TokenOutcome.TASK_GONE);
    }

    @Test
    void stop_runningExecution_abortsIt() throws Exception {
        String arn = engine.start(parse("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}"),
                info(json("{}")), "STANDARD").orElseThrow().executionArn();

        assertThat(engine.stop(arn, Optional.of("Stopped"), Optional.empty())).isTrue();

        assertThat(await(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(engine.stop(arn, Optional.empty(), Optional.empty())).isFalse();
    }
}
