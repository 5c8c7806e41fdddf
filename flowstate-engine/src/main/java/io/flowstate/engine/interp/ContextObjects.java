package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The context object {@code $$} ({@code $states.context} in JSONata), as AWS documents it in "Accessing execution
 * data from the Context object in Step Functions": the execution and state machine parts are built once per
 * execution, the state part per state (entered time, name, retry count for states that retry), plus
 * {@code Task.Token} where the Task has a token ({@code .waitForTaskToken}, {@code .sync}, activities).
 *
 * <p>States of a Distributed Map's child workflow see that execution and its state machine ({@link ChildContexts}).
 * {@code Map.Item} is not here: AWS gives it only to a Map state's {@code ItemSelector} (see
 * {@code MapStep.itemContextObject}), "not within the states included in the ItemProcessor section". Times
 * have millisecond precision, with no fraction when it is zero ({@code 2025-08-27T10:04:42Z}), as on AWS.
 */
final class ContextObjects {
    private static final DateTimeFormatter ISO_INSTANT = DateTimeFormatter.ISO_INSTANT;

    private ContextObjects() {}

    /** The context object as AWS shows it in {@code f}'s current state. */
    static JsonNode of(Run r, Fiber f) {
        Execution exec = r.exec;
        if (exec.probe != null && exec.probe.setup.context().isPresent()) {
            return exec.probe.setup.context().get().deepCopy();
        }
        ObjectNode root = Json.object();
        // Inside a Distributed Map, the states run in a child execution of their own.
        Fiber child = ChildContexts.childOf(f);
        root.set("Execution", child == null ? executionContext(exec)
                : ChildContexts.execution(exec, child, ContextObjects::time));
        ObjectNode state = root.putObject("State");
        state.put("EnteredTime", time(f.enteredTime == null ? r.now : f.enteredTime));
        // TestState shows the tested state under the name it gives a lone state.
        state.put("Name", exec.probe != null && f.parent == null ? StateTest.STATE_NAME : f.stateName);
        String type = f.machine.state(f.stateName).type();
        if (type.equals("Task") || type.equals("Map") || type.equals("Parallel")) {
            state.put("RetryCount", f.retryCount);
        }
        root.set("StateMachine", child == null ? stateMachineContext(exec) : ChildContexts.stateMachine(child));
        if (f.taskToken != null) {
            root.putObject("Task").put("Token", f.taskToken);
        }
        return root;
    }

    private static ObjectNode executionContext(Execution exec) {
        if (exec.contextExecution == null) {
            ObjectNode e = Json.object();
            e.put("Id", exec.info.executionArn());
            e.set("Input", exec.info.input());
            e.put("StartTime", time(exec.info.startTime()));
            e.put("Name", exec.info.name());
            if (exec.probe != null && exec.info.roleArn().isEmpty()) {
                e.putNull("RoleArn");
            } else {
                e.put("RoleArn", exec.info.roleArn());
            }
            // Recorded on AWS: Standard and asynchronous Express executions show a count (0 for Express, which
            // cannot be redriven); StartSyncExecution and TestState show none.
            if (!exec.synchronous && exec.probe == null) {
                e.put("RedriveCount", exec.redriveCount);
            }
            if (exec.redriveTime != null) {
                e.put("RedriveTime", time(exec.redriveTime));
            }
            exec.contextExecution = e;
        }
        return exec.contextExecution;
    }

    /** AWS's context times carry milliseconds: a clock with finer ticks must not show six or nine digits. */
    private static String time(Instant t) {
        return ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private static ObjectNode stateMachineContext(Execution exec) {
        if (exec.contextStateMachine == null) {
            ObjectNode m = Json.object();
            m.put("Id", exec.info.stateMachineArn());
            m.put("Name", exec.info.stateMachineName());
            exec.contextStateMachine = m;
        }
        return exec.contextStateMachine;
    }

}
