package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.StateFailure;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One execution started by a test. It has run as far as it could when the test gets it: to its end, or until it
 * waits for the test (a callback or activity task, see {@link #pendingTasks()}) or, with a
 * {@link ClockMode#MANUAL} clock, for time. The test moves it on with {@link #advance}, the
 * {@code sendTask*} methods, {@link #stop} or {@link #runToCompletion()}; each returns this execution, which
 * has again run as far as it could.
 *
 * <p>Each execution has its own virtual clock, starting at {@link FlowstateOptions#startTime()}. Not
 * thread-safe: drive it from the test's thread.
 */
public final class TestExecution {
    private final Driver driver;
    private final ClockMode mode;

    TestExecution(Driver driver, ClockMode mode) {
        this.driver = driver;
        this.mode = mode;
    }

    /** The execution's name. */
    public String name() {
        return driver.execution().info().name();
    }

    /** The execution's ARN. */
    public String executionArn() {
        return driver.execution().info().executionArn();
    }

    /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED. */
    public ExecutionStatus status() {
        return driver.execution().status();
    }

    /** Whether the execution has not ended. */
    public boolean isRunning() {
        return status() == ExecutionStatus.RUNNING;
    }

    /** The output, once SUCCEEDED. */
    public Optional<JsonNode> output() {
        return driver.execution().output();
    }

    /** The value at {@code path} (JSONPath, as in ASL: {@code $.order.items[0].sku}) of the output, if any. */
    public Optional<JsonNode> outputAt(String path) {
        return output().flatMap(out -> JsonPaths.find(out, path));
    }

    /** The error name, once FAILED or TIMED_OUT (or ABORTED with one). */
    public Optional<String> error() {
        return driver.execution().failure().map(StateFailure::error).filter(e -> !e.isEmpty());
    }

    /** The cause, when the execution ended with one. */
    public Optional<String> cause() {
        return driver.execution().failure().flatMap(StateFailure::cause);
    }

    /** The execution's virtual time now. */
    public Instant now() {
        return driver.now();
    }

    /** The history so far. */
    public ExecutionHistory history() {
        return new ExecutionHistory(driver.execution().history(), driver.execution().payloadWriter());
    }

    /**
     * The states the execution is in now: a Parallel or Map state, then those its running branches or iterations
     * are in (once per iteration). Empty once it ended.
     */
    public List<String> currentStates() {
        return driver.execution().activeStates();
    }

    /** Every task invocation handed to a handler or waiting for the test, in order. */
    public List<TaskInvocation> invocations() {
        return driver.calls();
    }

    /** The task invocations of the state {@code stateName}, retries included. */
    public List<TaskInvocation> invocations(String stateName) {
        return driver.calls().stream().filter(c -> c.stateName().equals(stateName)).toList();
    }

    /** The tasks that wait for the test to answer them with their token. */
    public List<PendingTask> pendingTasks() {
        return driver.pending();
    }

    /** The one task of state {@code stateName} that waits for the test. */
    public PendingTask pendingTask(String stateName) {
        List<PendingTask> in = pendingTasks().stream().filter(p -> p.stateName().equals(stateName)).toList();
        if (in.size() != 1) {
            throw new IllegalStateException((in.isEmpty() ? "no task" : in.size() + " tasks") + " of state '"
                    + stateName + "' wait for the test" + (in.isEmpty() ? "; waiting: " + pendingTasks()
                    : ": answer each by its token"));
        }
        return in.get(0);
    }

    /** Moves the virtual clock forward by {@code duration}, firing each timer that falls due at its time. */
    public TestExecution advance(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        driver.advanceTo(driver.now().plus(duration), mode);
        return this;
    }

    /**
     * Lets time run until the execution ends, firing every timer in order, task timeouts included; fails with
     * {@link IllegalStateException} when it waits for the test and for no timer.
     */
    public TestExecution runToCompletion() {
        driver.runToCompletion();
        return this;
    }

    /** SendTaskSuccess: the task holding {@code taskToken} succeeds with the JSON {@code output}. */
    public TestExecution sendTaskSuccess(String taskToken, String output) {
        JsonNode out = JsonText.parse(output, "task output");
        return answer(taskToken, id -> new Trigger.TaskSucceeded(id, out));
    }

    /** SendTaskFailure: the task holding {@code taskToken} fails with {@code error} and {@code cause} (null: none). */
    public TestExecution sendTaskFailure(String taskToken, String error, String cause) {
        requireNonNull(error, "error is null");
        return answer(taskToken, id -> new Trigger.TaskFailed(id, error, Optional.ofNullable(cause)));
    }

    /** SendTaskHeartbeat: the task's {@code HeartbeatSeconds} start again from now. */
    public TestExecution sendTaskHeartbeat(String taskToken) {
        return answer(taskToken, Trigger.TaskHeartbeat::new);
    }

    /** The one task of {@code stateName} that waits for the test succeeds with {@code output}. */
    public TestExecution succeedTask(String stateName, String output) {
        return sendTaskSuccess(pendingTask(stateName).taskToken(), output);
    }

    /** The one task of {@code stateName} that waits for the test fails. */
    public TestExecution failTask(String stateName, String error, String cause) {
        return sendTaskFailure(pendingTask(stateName).taskToken(), error, cause);
    }

    /** StopExecution, with an optional error and cause (null: none): the execution ends ABORTED. */
    public TestExecution stop(String error, String cause) {
        driver.stop(Optional.ofNullable(error), Optional.ofNullable(cause));
        driver.settle(mode);
        return this;
    }

    private TestExecution answer(String taskToken, LongFunction<Trigger> trigger) {
        driver.answer(requireNonNull(taskToken, "taskToken is null"), trigger);
        driver.settle(mode);
        return this;
    }

    @Override
    public String toString() {
        return "TestExecution[" + name() + ", " + status() + ", states " + currentStates() + "]";
    }
}
