package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;

/**
 * The workloads' task function {@code bench-identity}, in process: returns a copy of its input with
 * {@code calls} set to {@code (input.calls or 0) + 1}. Bound to its Resource ARN only; any other resource fails
 * as an unknown Lambda function would, so a definition that names another one shows up as a failed execution
 * instead of a silently wrong benchmark.
 */
public final class BenchIdentity implements TaskHandler {
    /** The Resource ARN the workloads use (manifest.json, {@code taskFunctions}). */
    public static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench-identity";

    @Override
    public TaskOutcome invoke(TaskInvocation invocation) {
        if (!ARN.equals(invocation.resource())) {
            return TaskOutcome.Failure.of("Lambda.ResourceNotFoundException",
                    "bench has no local function for " + invocation.resource());
        }
        JsonNode input = invocation.input();
        if (!input.isObject()) {
            return TaskOutcome.Failure.of("bench.InvalidInput", "bench-identity needs an object, got " + input.getNodeType());
        }
        // A shallow copy, like the peers' {...input}: the engine treats trees as immutable and shares them between
        // states and executions, so the input itself must not be written, but its unchanged children can be shared.
        ObjectNode output = Json.object();
        output.setAll((ObjectNode) input);
        output.put("calls", input.path("calls").asInt(0) + 1);
        return new TaskOutcome.Success(output);
    }
}
