package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskOutcome;
import java.util.function.BiConsumer;

/**
 * Calls task handlers for an {@link Engine}, one virtual thread per call, and hands each outcome back as a
 * trigger ({@code TaskSucceeded}, {@code TaskFailed}); a delayed outcome (a mock's) is handed back on a timer.
 * Activity tasks are not called here: they wait on a queue for a worker.
 */
final class TaskCalls {
    private final TaskHandler tasks;
    private final TimerService timers;
    private final BiConsumer<String, Trigger> submit;

    /** Calls on {@code tasks}; outcomes go to {@code submit} (execution ARN, trigger). */
    TaskCalls(TaskHandler tasks, TimerService timers, BiConsumer<String, Trigger> submit) {
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.timers = requireNonNull(timers, "timers is null");
        this.submit = requireNonNull(submit, "submit is null");
    }

    /** Invokes the task on a virtual thread of its own. */
    void call(io.flowstate.engine.interp.ExecutionInfo info, Effect.InvokeTask t) {
        String arn = info.executionArn();
        // A .waitForTaskToken task ends through SendTaskSuccess/Failure; its call's result is only "submitted".
        boolean callback = t.resource().endsWith(".waitForTaskToken");
        Thread.ofVirtual().name("flowstate-task-", t.taskId()).start(() -> {
            TaskOutcome outcome;
            try {
                outcome = tasks.invoke(t.invocation(info));
            } catch (RuntimeException ex) {
                outcome = TaskOutcome.Failure.of("States.TaskFailed", "The task handler failed: " + ex);
            }
            deliver(arn, t.taskId(), outcome, callback);
        });
    }

    private void deliver(String arn, long taskId, TaskOutcome outcome, boolean callback) {
        switch (outcome) {
            case TaskOutcome.Success s -> {
                submit.accept(arn, callback ? new Trigger.TaskSubmitted(taskId, s.output())
                        : new Trigger.TaskSucceeded(taskId, s.output()));
            }
            case TaskOutcome.Submitted s -> {
                submit.accept(arn, new Trigger.TaskSubmitted(taskId, s.response()));
                TaskOutcome end;
                try {
                    end = s.completion().await();
                } catch (RuntimeException ex) {
                    end = TaskOutcome.Failure.of("States.TaskFailed", "The task handler failed: " + ex);
                }
                deliver(arn, taskId, end, callback);
            }
            case TaskOutcome.Failure f -> submit.accept(arn, new Trigger.TaskFailed(taskId, f.error(), f.cause()));
            case TaskOutcome.Delayed d -> timers.schedule(timers.clock().instant().plus(d.duration()),
                    () -> deliver(arn, taskId, d.then(), callback));
        }
    }

    /** Whether {@code resource} names an activity (its tasks wait for GetActivityTask). */
    static boolean isActivity(String resource) {
        String[] parts = resource.split(":", 7);
        return parts.length >= 7 && parts[2].equals("states") && parts[5].equals("activity");
    }
}
