package io.flowstate.testing;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The task calls of one {@link Driver}: hands each invocation to its bound handler, in the calling thread, and
 * turns the outcome into triggers as the engine's shell does ({@code .waitForTaskToken}: a success is only the
 * submission; a delayed outcome arrives on the virtual clock). Activities and callbacks nothing is bound to
 * wait for the test. Every invocation is recorded, so a test can check what a task was called with.
 */
final class Calls {
    private final Driver driver;
    private final TaskRouter.Bound tasks;
    private final Tokens tokens;
    private final String executionArn;
    private final List<TaskInvocation> made = new ArrayList<>();

    Calls(Driver driver, TaskRouter.Bound tasks, Tokens tokens, String executionArn) {
        this.driver = driver;
        this.tasks = tasks;
        this.tokens = tokens;
        this.executionArn = executionArn;
    }

    /** The invocations made so far, in order. */
    List<TaskInvocation> made() {
        return List.copyOf(made);
    }

    void invoke(Effect.InvokeTask call) {
        TaskInvocation inv = call.invocation(executionArn);
        made.add(inv);
        Optional<TaskHandler> bound = tasks.find(inv);
        if (Resources.isActivity(call.resource())) {
            if (bound.isEmpty()) {
                tokens.await(call, PendingTask.Kind.ACTIVITY);
                return;
            }
            // A bound handler is the worker: it takes the task at once.
            tokens.start(call.taskId());
            driver.apply(new Trigger.TaskStarted(call.taskId(), Optional.empty()));
            deliver(call, bound.get().invoke(inv), false);
            return;
        }
        boolean callback = Resources.isCallback(call.resource());
        if (callback && bound.isEmpty()) {
            // Nothing to call: the "service" accepts at once, and the test answers with the token.
            deliver(call, new TaskOutcome.Success(Json.object()), true);
            return;
        }
        deliver(call, bound.orElseThrow(() -> Resources.unbound(inv)).invoke(inv), callback);
    }

    private void deliver(Effect.InvokeTask call, TaskOutcome outcome, boolean callback) {
        long id = call.taskId();
        switch (outcome) {
            case TaskOutcome.Success s when callback -> {
                driver.apply(new Trigger.TaskSubmitted(id, s.output()));
                tokens.await(call, PendingTask.Kind.CALLBACK);
            }
            case TaskOutcome.Success s -> driver.apply(new Trigger.TaskSucceeded(id, s.output()));
            case TaskOutcome.Failure f -> driver.apply(new Trigger.TaskFailed(id, f.error(), f.cause()));
            case TaskOutcome.Delayed d ->
                    driver.schedule(driver.now().plus(d.duration()), () -> deliver(call, d.then(), callback));
            case TaskOutcome.Submitted s -> {
                driver.apply(new Trigger.TaskSubmitted(id, s.response()));
                deliver(call, s.completion().await(), callback);
            }
        }
    }
}
