package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import java.time.Instant;
import java.util.function.Function;

/**
 * The {@code Execution} and {@code StateMachine} parts of the context object inside a Distributed Map's child
 * workflow execution. On AWS each item runs as an execution of its own (of {@code MACHINE/LABEL}), so its states
 * see that execution, not the parent's: its ARN and name (those the API gives it, {@link ChildExecutions}), its
 * input (the item, after ItemSelector), its start, the parent's role, and its own redrives. Per AWS's context
 * object page, "If you've redriven a Map Run, the RedriveTime context object is only available for child workflows
 * of type Standard"; an Express child, like any Express execution here, shows no RedriveCount either.
 */
final class ChildContexts {
    private ChildContexts() {}

    /** The iteration fiber of the innermost Distributed Map child execution {@code f} runs in; null if none. */
    static Fiber childOf(Fiber f) {
        for (Fiber cur = f; cur != null; cur = cur.parent) {
            if (cur.group != null && cur.group.distributed) {
                return cur;
            }
        }
        return null;
    }

    static ObjectNode execution(Execution exec, Fiber child, Function<Instant, String> time) {
        ChildGroup g = child.group;
        ObjectNode e = Json.object();
        e.put("Id", ChildExecutions.arn(g.mapRunArn, child.index));
        e.set("Input", g.itemInputs.get(child.index));
        e.put("StartTime", time.apply(child.createdAt != null ? child.createdAt : exec.info.startTime()));
        e.put("Name", ChildExecutions.name(g.mapRunArn, child.index));
        e.put("RoleArn", exec.info.roleArn());
        if (!express(g)) {
            e.put("RedriveCount", child.redriveCount);
            if (child.redriveCount > 0 && child.startedAt != null) {
                e.put("RedriveTime", time.apply(child.startedAt));
            }
        }
        return e;
    }

    static ObjectNode stateMachine(Fiber child) {
        String arn = ChildExecutions.stateMachineArn(child.group.mapRunArn);
        ObjectNode m = Json.object();
        m.put("Id", arn);
        m.put("Name", arn.substring(arn.indexOf(":stateMachine:") + ":stateMachine:".length()));
        return m;
    }

    static boolean express(ChildGroup g) {
        MapState m = (MapState) g.owner.machine.state(g.owner.stateName);
        return m.processorConfig().executionType().map("EXPRESS"::equals).orElse(false);
    }
}
