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
 * <p>A Parallel or inline Map state entered again this way keeps what its children produced, as AWS does
 * ("reschedules and redrives only the iterations and branches that failed or aborted"): the branches and
 * iterations that succeeded keep their outputs and publish nothing; the ones that failed or were aborted are
 * redriven the same way, from the state each of them did not finish (so nested Map and Parallel states resume
 * in turn); Map iterations that never started start. The result array is in item or branch order as always.
 * A Distributed Map keeps its Map Run, which records {@code MapRunRedriven} instead of starting anew.
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
        reset(root);
        // TimeoutSeconds counts again from the redrive: the attempt that timed out has used its time.
        exec.machine.timeoutSeconds().ifPresent(t ->
                r.startTimer(r.now.plusSeconds(t), Execution.TimerKind.EXECUTION_TIMEOUT, root, -1));
        r.schedule(root);
    }

    /**
     * Makes a fiber that did not succeed enter its current state again. The children it had there (still
     * running when the execution stopped or timed out, or kept when one of them failed) are remembered for
     * that entry to resume.
     */
    static void reset(Fiber f) {
        ChildGroup g = f.children != null ? f.children : f.unfinished;
        f.redriveGroup = g != null && g.owner == f ? g : null;
        f.children = null;
        f.unfinished = null;
        f.phase = Fiber.Phase.ENTER;
        f.failure = null;
        f.output = null;
        f.pendingTaskId = -1;
        f.pendingTimerId = -1;
        f.heartbeatTimerId = -1;
        f.taskToken = null;
        f.taskStarted = false;
    }

    /**
     * Readies kept children to run again: the succeeded ones are done, every other one (and every Map
     * iteration not started) is still to run, and failures count afresh for the tolerated-failure threshold.
     */
    static void resume(ChildGroup g) {
        g.running.clear();
        g.failures = 0;
        g.nextToStart = 0;
        int remaining = 0;
        for (int i = 0; i < g.size(); i++) {
            Fiber child = g.fibers.get(i);
            if (child == null || child.phase != Fiber.Phase.SUCCEEDED) {
                remaining++;
            }
        }
        g.remaining = remaining;
    }
}
