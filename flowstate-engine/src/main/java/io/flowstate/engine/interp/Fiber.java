package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import java.time.Instant;

/**
 * One thread of control inside an execution: the top-level machine, a Parallel branch or a Map iteration.
 * It sits in one state at a time and tracks AWS's "previous event" cursor for the events it publishes.
 *
 * <p>Mutable, owned by its {@link Execution}; only the interpreter touches it, one decision at a time.
 */
final class Fiber {
    /** Where a fiber is in its current state. */
    enum Phase { ENTER, AWAIT_TASK, AWAIT_TIMER, AWAIT_RETRY, AWAIT_CHILDREN, SUCCEEDED, FAILED, ABORTED }

    final StateMachine machine;
    final Fiber parent;
    final ChildGroup group;
    final int index;
    final Scope scope;

    String stateName;
    JsonNode input;
    long cursor;
    Phase phase = Phase.ENTER;

    long enteredEventId;
    /** The event the state's Entered event follows: AWS chains an {@code EvaluationFailed} to it. */
    long enteredPreviousEventId;
    Instant enteredTime;
    int retryCount;
    int[] retrierAttempts;
    JsonNode effectiveInput;
    long pendingTaskId = -1;
    long pendingTimerId = -1;
    long heartbeatTimerId = -1;
    String taskToken;
    /** Whether an activity worker has taken the current attempt's task (ActivityStarted is recorded). */
    boolean taskStarted;
    /** Whether this attempt's {@code TaskSubmitted} was recorded (a re-issued call after a restart submits again). */
    boolean taskSubmitted;
    /** What a Map state's ItemReader read for this entry (null until it answered). */
    JsonNode readItems;
    /** The ItemReader's evaluated Parameters and ReaderConfig of this entry, for the windows after the first. */
    JsonNode readerParams;
    com.fasterxml.jackson.databind.node.ObjectNode readerConfig;
    /** Where this entry's ItemReader read its items ({@code $$.Map.Item.Source}); null until known. */
    String itemSource;
    /** The Map Run of this entry (an ItemReader's starts before the items are read; a ResultWriter names it). */
    String mapRunArn;
    /** Whether the Map waits for its ResultWriter; what the writer answered, once it has. */
    boolean writing;
    JsonNode written;
    /** While the ResultWriter writes a failed run's results: the run and the failure the state goes on with. */
    ChildGroup failedRun;
    StateFailure runFailure;
    ChildGroup children;
    /**
     * The children of the Map or Parallel state this fiber failed in (none failed again since entering it):
     * what a redrive resumes. Cleared whenever the fiber enters a state.
     */
    ChildGroup unfinished;
    /** Set by a redrive: the next entry of the current state resumes these children instead of starting anew. */
    ChildGroup redriveGroup;

    boolean announced;
    /** True inside a Distributed Map: its events belong to child executions, not to this history. */
    boolean silent;
    /** Inside a Distributed Map child of an execution rebuilt to show its children: the child's history. */
    ChildLog log;

    JsonNode output;
    StateFailure failure;

    /** Map iterations: when the first attempt started (a child execution's StartTime). */
    Instant createdAt;
    /** Map iterations: when the current attempt started and ended, and how many times a redrive ran it again. */
    Instant startedAt;
    Instant stoppedAt;
    int redriveCount;

    Fiber(StateMachine machine, Fiber parent, ChildGroup group, int index, Scope scope, JsonNode input,
            long cursor) {
        this.machine = machine;
        this.parent = parent;
        this.group = group;
        this.index = index;
        this.scope = scope;
        this.stateName = machine.startAt();
        this.input = input;
        this.cursor = cursor;
    }

    /** The stand-in for released children ({@link ChildGroup#DONE}): succeeded, of no machine, holding nothing. */
    static Fiber done() {
        Fiber f = new Fiber();
        f.phase = Phase.SUCCEEDED;
        return f;
    }

    private Fiber() {
        this.machine = null;
        this.parent = null;
        this.group = null;
        this.index = -1;
        this.scope = null;
    }

    boolean isDone() {
        return phase == Phase.SUCCEEDED || phase == Phase.FAILED || phase == Phase.ABORTED;
    }
}
