package io.flowstate.engine.runtime;

import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.StateFailure;
import io.flowstate.engine.interp.Trigger;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An execution an {@link Engine} runs: its interpreter state, guarded by a lock so triggers apply one at a
 * time. The interpreter advances {@link #exec} in place, so after a refused commit the copy is ahead of the
 * store and must be dropped, never reused.
 */
final class LiveExecution {
    final Execution exec;
    final String type;
    final String inputText;
    final ExecutionStore store;
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled after each decision committed: what a token answer that came too early waits on. */
    final java.util.concurrent.locks.Condition advanced = lock.newCondition();
    final CompletableFuture<ExecutionSummary> done = new CompletableFuture<>();
    /** The summary of the last commit, which is what the store holds; written under {@link #lock}. */
    volatile ExecutionSummary committed;

    LiveExecution(Execution exec, String type, String inputText, ExecutionStore store) {
        this.exec = exec;
        this.type = type;
        this.inputText = inputText;
        this.store = store;
    }

    String arn() {
        return exec.info().executionArn();
    }

    /** Whether the execution still waits for a trigger that comes from outside the engine (a token, a stop). */
    boolean waitsFor(Trigger trigger) {
        return switch (trigger) {
            case Trigger.TaskSucceeded t -> exec.isTaskPending(t.taskId());
            case Trigger.TaskFailed t -> exec.isTaskPending(t.taskId());
            case Trigger.TaskHeartbeat t -> exec.isTaskPending(t.taskId());
            case Trigger.TaskSubmitted t -> exec.isTaskPending(t.taskId());
            case Trigger.TaskStarted t -> exec.isTaskPending(t.taskId());
            case Trigger.Stop s -> exec.status() == ExecutionStatus.RUNNING;
            case Trigger.TimerFired t -> true;
            case Trigger.Redrive r -> false;
            case Trigger.UpdateMapRun u -> exec.status() == ExecutionStatus.RUNNING;
            case Trigger.StopChild s -> exec.status() == ExecutionStatus.RUNNING;
        };
    }

    /** The summary to commit with the decision just made at {@code now}. */
    ExecutionSummary summary(Instant now) {
        ExecutionInfo info = exec.info();
        boolean ended = exec.status() != ExecutionStatus.RUNNING;
        Optional<StateFailure> failure = exec.failure();
        return new ExecutionSummary(info.executionArn(), info.stateMachineArn(), info.name(), type, exec.status(),
                info.startTime(), ended ? Optional.of(now) : Optional.empty(), inputText, exec.output(),
                failure.map(StateFailure::error).filter(err -> !err.isEmpty()), failure.flatMap(StateFailure::cause),
                exec.lastEventId());
    }
}
