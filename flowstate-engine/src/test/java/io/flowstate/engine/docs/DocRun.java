package io.flowstate.engine.docs;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.StateFailure;
import io.flowstate.engine.interp.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a documented example to its end: the definition (single quotes for double), the documented input, and a
 * script that answers each task call the way the page's Lambda function or service would. Timers fire when due,
 * so Wait states and retries' backoff take no wall-clock time; their due times are kept for the tests.
 */
final class DocRun {
    /** What a task answers: a result, or an error with an optional cause. */
    sealed interface Answer {
        /** The task succeeds with this result. */
        record Result(JsonNode output) implements Answer {}

        /** The task fails with this error and cause. */
        record Error(String error, Optional<String> cause) implements Answer {}
    }

    final Execution execution;
    final List<Effect.InvokeTask> calls = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();

    private DocRun(Execution execution) {
        this.execution = execution;
    }

    static Answer result(String singleQuoted) {
        return new Answer.Result(json(singleQuoted));
    }

    static Answer error(String error, String cause) {
        return new Answer.Error(error, Optional.ofNullable(cause));
    }

    /** Runs a definition without tasks. */
    static DocRun run(String definition, String input) {
        return run(definition, input, call -> {
            throw new AssertionError("unexpected task call " + call.resource());
        });
    }

    /** Runs a definition, answering each task call with {@code tasks} (null: the task never answers). */
    static DocRun run(String definition, String input, Function<Effect.InvokeTask, Answer> tasks) {
        return run(parse(definition), json(input), tasks);
    }

    /** Runs a definition given as a JSON tree, for texts with quotes of their own. */
    static DocRun run(JsonNode definition, JsonNode input) {
        ParseResult parsed = AslParser.parse(definition.toString());
        assertThat(parsed.diagnostics()).as("definition diagnostics").isEmpty();
        return run(parsed.machine().orElseThrow(), input, call -> {
            throw new AssertionError("unexpected task call " + call.resource());
        });
    }

    private static DocRun run(StateMachine machine, JsonNode input, Function<Effect.InvokeTask, Answer> tasks) {
        Interpreter.Started s = Interpreter.start(machine, info(input), T0);
        DocRun run = new DocRun(s.execution());
        Instant now = T0;
        Deque<Effect> pending = new ArrayDeque<>(s.decision().effects());
        for (int steps = 0; !pending.isEmpty() && steps < 10_000; steps++) {
            Effect effect = pending.poll();
            Decision next = switch (effect) {
                case Effect.InvokeTask call -> {
                    run.calls.add(call);
                    Answer answer = tasks.apply(call);
                    if (answer == null) {
                        yield null;
                    }
                    yield switch (answer) {
                        case Answer.Result r -> Interpreter.advance(s.execution(),
                                new Trigger.TaskSucceeded(call.taskId(), r.output()), now);
                        case Answer.Error e -> Interpreter.advance(s.execution(),
                                new Trigger.TaskFailed(call.taskId(), e.error(), e.cause()), now);
                    };
                }
                case Effect.StartTimer timer -> {
                    run.waits.add(Duration.between(now, timer.dueAt()));
                    now = timer.dueAt().isAfter(now) ? timer.dueAt() : now;
                    yield Interpreter.advance(s.execution(), new Trigger.TimerFired(timer.timerId()), now);
                }
                default -> null;
            };
            if (next != null) {
                pending.addAll(next.effects());
            }
        }
        return run;
    }

    /** The output of an execution that must have succeeded. */
    JsonNode output() {
        assertThat(execution.status()).as("status, failure %s", execution.failure()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output().orElseThrow();
    }

    /** The failure of an execution that must have failed. */
    StateFailure failure() {
        assertThat(execution.status()).as("status, output %s", execution.output()).isEqualTo(ExecutionStatus.FAILED);
        return execution.failure().orElseThrow();
    }

    /** Compares JSON by its text, as JSONata's numbers come back as other node types than Jackson's parser makes. */
    static void assertJson(JsonNode actual, String expectedSingleQuoted) {
        assertThat(actual.toString()).isEqualTo(json(expectedSingleQuoted).toString());
    }
}
