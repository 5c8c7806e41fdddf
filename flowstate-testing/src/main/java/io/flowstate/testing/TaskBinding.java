package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What answers the tasks of one state, resource or Lambda function ({@link Flowstate#task},
 * {@link Flowstate#resource}, {@link Flowstate#lambda}). Each method binds and returns the {@link Flowstate},
 * so bindings chain: {@code flowstate.task("Charge").returns("{\"ok\":true}").task("Ship").fails("E", "c")}.
 * Binding the same state or pattern again replaces the earlier binding.
 *
 * <p>Handlers run in the test's thread. What one execution's handler remembers (the call count of
 * {@link #outcomes}) starts afresh for each execution.
 */
public final class TaskBinding {
    private final Flowstate owner;
    private final Consumer<Supplier<TaskHandler>> sink;
    private final UnaryOperator<TaskHandler> adapter;
    private final Duration delay;

    TaskBinding(Flowstate owner, Consumer<Supplier<TaskHandler>> sink, UnaryOperator<TaskHandler> adapter,
            Duration delay) {
        this.owner = owner;
        this.sink = sink;
        this.adapter = adapter;
        this.delay = delay;
    }

    /**
     * The same binding, whose tasks take {@code duration} of virtual time before they answer: a slow task, which
     * a {@code TimeoutSeconds} shorter than {@code duration} times out.
     */
    public TaskBinding after(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a task cannot answer before it is called: " + duration);
        }
        return new TaskBinding(owner, sink, adapter, duration);
    }

    /** Every call succeeds with {@code json}. */
    public Flowstate returns(String json) {
        return returns(JsonText.parse(json, "task result"));
    }

    /** Every call succeeds with {@code output}. */
    public Flowstate returns(JsonNode output) {
        TaskOutcome outcome = new TaskOutcome.Success(requireNonNull(output, "output is null"));
        return handledBy(inv -> outcome);
    }

    /** Every call fails with {@code error} and {@code cause} (null: none). */
    public Flowstate fails(String error, String cause) {
        TaskOutcome outcome = new TaskOutcome.Failure(requireNonNull(error, "error is null"),
                java.util.Optional.ofNullable(cause));
        return handledBy(inv -> outcome);
    }

    /**
     * Each call succeeds with {@code fn(input)}. Throwing {@link TaskError} fails the task with its error and
     * cause; any other runtime exception fails it with the exception's simple class name as the error and its
     * message as the cause, as a Lambda function that raises does. A null result is JSON {@code null}.
     */
    public Flowstate answers(UnaryOperator<JsonNode> fn) {
        requireNonNull(fn, "fn is null");
        return handledBy(inv -> {
            try {
                JsonNode out = fn.apply(inv.input());
                return new TaskOutcome.Success(out == null ? NullNode.getInstance() : out);
            } catch (TaskError e) {
                return new TaskOutcome.Failure(e.error(), e.cause());
            } catch (RuntimeException e) {
                return TaskOutcome.Failure.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        });
    }

    /**
     * The n-th call of an execution gets the n-th outcome, and every call after the last gets the last: e.g.
     * two failures then a success, for a {@code Retry}. See {@link Outcomes} for short ways to write them.
     */
    public Flowstate outcomes(TaskOutcome... outcomes) {
        List<TaskOutcome> list = List.of(outcomes);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("give at least one outcome");
        }
        return bind(() -> {
            AtomicInteger calls = new AtomicInteger();
            return inv -> list.get(Math.min(calls.getAndIncrement(), list.size() - 1));
        });
    }

    /**
     * Every call goes to {@code handler}, which sees the whole invocation (attempt number, task token, timeout)
     * and returns any {@link TaskOutcome}. An exception it throws reaches the test, as a bug in the test would.
     */
    public Flowstate handledBy(TaskHandler handler) {
        requireNonNull(handler, "handler is null");
        return bind(() -> handler);
    }

    private Flowstate bind(Supplier<TaskHandler> handlers) {
        Duration d = delay;
        sink.accept(() -> {
            TaskHandler h = adapter.apply(handlers.get());
            return d.isZero() ? h : inv -> new TaskOutcome.Delayed(d, h.invoke(inv));
        });
        return owner;
    }
}
