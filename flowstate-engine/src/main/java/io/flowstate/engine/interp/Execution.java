package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The in-memory state of one execution between decisions: its fibers, outstanding tasks and timers, and the
 * history so far. Advanced only by {@link Interpreter}, by one thread at a time; the history it accumulates is
 * what a store persists, so the state can be rebuilt by replaying the triggers recorded there.
 */
public final class Execution {
    /** Why a timer was started. */
    enum TimerKind { WAIT, RETRY, TASK_TIMEOUT, HEARTBEAT_TIMEOUT, EXECUTION_TIMEOUT }

    /** What a pending timer will do when it fires. */
    record PendingTimer(TimerKind kind, Fiber fiber, long taskId) {}

    final StateMachine machine;
    final ExecutionInfo info;
    final List<HistoryEvent> history = new ArrayList<>();
    final Map<Long, Fiber> tasks = new HashMap<>();
    final Map<Long, PendingTimer> timers = new HashMap<>();
    final SplittableRandom random;
    Fiber root;
    long lastEventId;
    long nextTaskId = 1;
    long nextTimerId = 1;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    JsonNode output;
    StateFailure failure;
    /** How many times RedriveExecution restarted this execution, and when it last did. */
    int redriveCount;
    java.time.Instant redriveTime;
    ObjectNode contextExecution;
    private JsonNode lastWithinLimit;
    ObjectNode contextStateMachine;
    /** The Distributed Map runs this execution started, in start order (for DescribeMapRun and UpdateMapRun). */
    final List<ChildGroup> mapRuns = new ArrayList<>();
    /** Whether the Distributed Map children record their own histories (see {@link #childHistory}). */
    boolean captureChildren;
    /** A StartSyncExecution (see {@link RunMode#synchronous()}). */
    boolean synchronous;
    /** Present only in a {@link StateTest}: what the tested state reports and how it ended. */
    StepProbe probe;

    private final Map<JsonNode, String> originalTexts = new java.util.IdentityHashMap<>();
    private final java.util.Set<JsonNode> resultArrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Execution(StateMachine machine, ExecutionInfo info) {
        this.machine = machine;
        this.info = info;
        info.inputText().ifPresent(text -> originalTexts.put(info.input(), text));
        this.random = new SplittableRandom(info.executionArn().hashCode());
    }

    /** The execution's identity. */
    public ExecutionInfo info() {
        return info;
    }

    /** Writes this execution's event payloads: the input's original text while it is unchanged, else compact JSON. */
    public io.flowstate.engine.history.PayloadWriter payloadWriter() {
        if (originalTexts.isEmpty()) {
            return io.flowstate.engine.history.PayloadWriter.COMPACT;
        }
        return node -> OriginalText.write(node, originalTexts, resultArrays);
    }

    /** Remembers a value's original text (a TestState mock result), shown as sent while the value is unchanged. */
    void rememberText(JsonNode value, String text) {
        originalTexts.put(value, text);
    }

    /** Remembers a Parallel or Map result array: its items are whole payloads and keep their original text. */
    void resultArray(JsonNode array) {
        if (!originalTexts.isEmpty()) {
            resultArrays.add(array);
        }
    }

    /**
     * True when {@code value} is over the 256 KiB payload limit. The last value found within it is remembered
     * by identity: a task's result is usually also the state's output ({@code ResultPath: $}), and Wait, Choice
     * and Succeed pass their input on, so most values would otherwise be measured twice.
     */
    boolean overPayloadLimit(JsonNode value) {
        if (value == lastWithinLimit) {
            return false;
        }
        if (JsonSize.exceeds(value, TaskStep.MAX_PAYLOAD_BYTES)) {
            return true;
        }
        lastWithinLimit = value;
        return false;
    }

    /** Whether the task invocation {@code taskId} still waits for its result (not completed, timed out or aborted). */
    public boolean isTaskPending(long taskId) {
        return tasks.containsKey(taskId);
    }

    /** Whether timer {@code timerId} is still pending (not fired, not cancelled). */
    public boolean isTimerPending(long timerId) {
        return timers.containsKey(timerId);
    }

    /**
     * Whether task {@code taskId} is a {@code .waitForTaskToken} call whose service has not answered yet: its
     * {@code TaskSubmitted} is still to come, and an answer to its token (which a fast worker can send first)
     * belongs after it.
     */
    public boolean awaitsSubmit(long taskId) {
        Fiber f = tasks.get(taskId);
        return f != null && f.phase == Fiber.Phase.AWAIT_TASK && !f.taskSubmitted
                && f.machine.state(f.stateName) instanceof io.flowstate.asl.model.TaskState t
                && t.resource().endsWith(".waitForTaskToken") && TaskResource.of(t.resource()).kind() == TaskResource.Kind.SERVICE;
    }

    /** The id of the last event, the version a commit of the next decision is checked against. */
    public long lastEventId() {
        return lastEventId;
    }

    /** The current status. */
    public ExecutionStatus status() {
        return status;
    }

    /** All events so far, oldest first. */
    public List<HistoryEvent> history() {
        return Collections.unmodifiableList(history);
    }

    /** The output, once SUCCEEDED. */
    public java.util.Optional<JsonNode> output() {
        return java.util.Optional.ofNullable(output);
    }

    /** The error and cause, once FAILED, TIMED_OUT or ABORTED. */
    public java.util.Optional<StateFailure> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** How many times the execution was redriven (0 until it is). */
    public int redriveCount() {
        return redriveCount;
    }

    /**
     * The history of the child execution that ran item {@code index} of the Distributed Map run
     * {@code mapRunArn}; empty when the run has no such child yet, or when this execution was not rebuilt with
     * its children's histories ({@code Replay.replay(..., true)}).
     */
    public java.util.Optional<List<HistoryEvent>> childHistory(String mapRunArn, int index) {
        for (ChildGroup g : mapRuns) {
            if (g.mapRunArn.equals(mapRunArn) && index >= 0 && index < g.size() && g.fibers.get(index) != null
                    && g.fibers.get(index).log != null) {
                return java.util.Optional.of(List.copyOf(g.fibers.get(index).log.events));
            }
        }
        return java.util.Optional.empty();
    }

    /** The Distributed Map runs this execution started, as they stand now, in start order. */
    public List<MapRunView> mapRuns() {
        return mapRuns.stream().map(g -> MapRunView.of(this, g)).toList();
    }

    /** When the execution was last redriven, if ever. */
    public java.util.Optional<java.time.Instant> redriveDate() {
        return java.util.Optional.ofNullable(redriveTime);
    }

    /**
     * The states the execution is in now, depth first: a Parallel or Map state, then the states its running
     * branches or iterations are in (a state that several iterations are in appears once for each). A state
     * waiting for its task, a timer or a Retry counts; the history cannot say this alone, since a state that
     * fails into a Catch or a Retry of its Parallel records no Exited event. Empty once the execution ended.
     */
    public List<String> activeStates() {
        List<String> out = new ArrayList<>();
        if (status == ExecutionStatus.RUNNING && root != null) {
            addActive(root, out);
        }
        return out;
    }

    private static void addActive(Fiber f, List<String> out) {
        if (f.isDone()) {
            return;
        }
        out.add(f.stateName);
        if (f.phase == Fiber.Phase.AWAIT_CHILDREN && f.children != null) {
            f.children.running.forEach(c -> addActive(c, out));
        }
    }
}
