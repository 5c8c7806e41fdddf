package io.flowstate.integrations;

import io.flowstate.engine.task.TaskOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting on a job that only answers to polling (a child execution, a Glue job run): call, and while there is no
 * outcome yet wait, doubling the pause from {@code first} up to {@code max}. Runs on the task's virtual thread.
 */
final class Polling {
    private Polling() {}

    static TaskOutcome until(Supplier<Optional<TaskOutcome>> poll, Duration first, Duration max) {
        Duration pause = first;
        while (true) {
            Optional<TaskOutcome> outcome = poll.get();
            if (outcome.isPresent()) {
                return outcome.get();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TaskOutcome.Failure.of("States.TaskFailed", "Interrupted while waiting for the job to end");
            }
            pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
        }
    }
}
