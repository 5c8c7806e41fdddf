package io.flowstate.engine.interp;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.Optional;

/**
 * RedriveExecution inside the interpreter: an execution that ended FAILED, TIMED_OUT or ABORTED records
 * {@code ExecutionRedriven} and enters again the state its top-level fiber was in when it ended, with that
 * state's original input and the variables as they were. The states before it are not run again: their
 * outputs live on in the fiber's input and scope, and their events stay in the history.
 *
 * <p>Known gap: a failed Parallel or inline Map state is entered again as a whole, so its branches or
 * iterations that had succeeded run again too; AWS re-runs only the failed and unfinished ones.
 */
final class Redrive {
    private Redrive() {}

    /** AWS redrives only executions that did not succeed and are not running. */
    static boolean redrivable(Execution exec) {
        return exec.probe == null && (exec.status == ExecutionStatus.FAILED
                || exec.status == ExecutionStatus.TIMED_OUT || exec.status == ExecutionStatus.ABORTED);
    }

    static void apply(Run r) {
        Execution exec = r.exec;
        Fiber root = exec.root;
        exec.status = ExecutionStatus.RUNNING;
        exec.failure = null;
        exec.redriveCount++;
        exec.redriveTime = r.now;
        // The context object shows the new RedriveCount and RedriveTime: build it again.
        exec.contextExecution = null;
        // StopExecution leaves the root's cursor at 0; the state entered again follows ExecutionRedriven.
        root.cursor = exec.lastEventId;
        r.emit(root, EventType.EXECUTION_REDRIVEN, new EventDetails.Redriven(Optional.empty(), exec.redriveCount));
        root.phase = Fiber.Phase.ENTER;
        root.failure = null;
        root.output = null;
        root.children = null;
        root.pendingTaskId = -1;
        root.pendingTimerId = -1;
        root.heartbeatTimerId = -1;
        root.taskToken = null;
        root.taskStarted = false;
        // TimeoutSeconds counts again from the redrive: the attempt that timed out has used its time.
        exec.machine.timeoutSeconds().ifPresent(t ->
                r.startTimer(r.now.plusSeconds(t), Execution.TimerKind.EXECUTION_TIMEOUT, root, -1));
        r.schedule(root);
    }
}
