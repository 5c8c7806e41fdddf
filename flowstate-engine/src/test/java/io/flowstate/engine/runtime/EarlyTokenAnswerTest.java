package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskOutcome;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker that answers a {@code .waitForTaskToken} token before the call that sent it returned (an SQS
 * consumer can be that fast) still sees AWS's order: {@code TaskSubmitted}, then {@code TaskSucceeded}.
 * Found with ElasticMQ in process, where the answer won the race once in eight runs and TaskSubmitted was lost.
 */
class EarlyTokenAnswerTest {
    private final AtomicReference<Thread> answerer = new AtomicReference<>();
    private final CompletableFuture<TokenOutcome> answered = new CompletableFuture<>();
    private Engine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void taskSucceeded_beforeTheCallReturned_isRecordedAfterTaskSubmitted() throws Exception {
        engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.byResource(Map.of(
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken", inv -> {
                    String token = inv.taskToken().orElseThrow();
                    Thread t = new Thread(() -> answered.complete(engine.taskSucceeded(token, json("{'done':1}"))));
                    answerer.set(t);
                    t.start();
                    // The call returns only once the answer is waiting inside the engine.
                    while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING
                            && !answered.isDone()) {
                        Thread.onSpinWait();
                    }
                    return new TaskOutcome.Success(json("{'MessageId':'m'}"));
                }), TaskHandlers.unbound()), new ManualTimers(T0));

        String arn = engine.start(parse("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}"), info(json("{}")), "STANDARD")
                .orElseThrow().executionArn();

        assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo(TokenOutcome.ACCEPTED);
        assertThat(engine.completion(arn).get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(engine.history(arn, 0, 100)).extracting(HistoryEvent::type).containsSubsequence(
                EventType.TASK_SCHEDULED, EventType.TASK_STARTED, EventType.TASK_SUBMITTED, EventType.TASK_SUCCEEDED);
    }
}
