package io.flowstate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;

/**
 * A Lambda function bound by name ({@link Flowstate#lambda}): called through its function ARN as Resource (the
 * payload in, the bare result out) or through {@code arn:aws:states:::lambda:invoke[.waitForTaskToken]} (the
 * {@code Payload} parameter in, the result wrapped as Invoke's response). The handler sees the payload either
 * way, as the real function would.
 */
final class LambdaFunctions {
    private static final String INVOKE = "arn:aws:states:::lambda:invoke";

    private LambdaFunctions() {}

    /** The function name in a name, a partial ARN or a full ARN, without its version or alias. */
    static String name(String functionOrArn) {
        int at = functionOrArn.indexOf(":function:");
        String rest = at >= 0 ? functionOrArn.substring(at + ":function:".length()) : functionOrArn;
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }

    /** Whether {@code inv} calls the function named {@code name}. */
    static boolean calls(String name, TaskInvocation inv) {
        if (isInvoke(inv.resource())) {
            JsonNode fn = inv.input().path("FunctionName");
            return fn.isTextual() && name(fn.textValue()).equals(name);
        }
        return inv.resource().startsWith("arn:") && inv.resource().contains(":lambda:")
                && inv.resource().contains(":function:") && name(inv.resource()).equals(name);
    }

    /** {@code handler}, seeing the payload and answering as the function would, for either kind of call. */
    static TaskHandler adapt(TaskHandler handler) {
        return inv -> {
            if (!isInvoke(inv.resource())) {
                return handler.invoke(inv);
            }
            JsonNode payload = inv.input().has("Payload") ? inv.input().get("Payload") : Json.object();
            TaskInvocation call = inv.withInput(payload);
            return wrap(handler.invoke(call));
        };
    }

    private static boolean isInvoke(String resource) {
        return resource.equals(INVOKE) || resource.equals(INVOKE + ".waitForTaskToken");
    }

    /** Invoke's response, without the HTTP metadata AWS adds (random ids would make histories differ per run). */
    private static TaskOutcome wrap(TaskOutcome outcome) {
        return switch (outcome) {
            case TaskOutcome.Success s -> {
                ObjectNode out = Json.object();
                out.put("ExecutedVersion", "$LATEST");
                out.set("Payload", s.output());
                out.put("StatusCode", 200);
                yield new TaskOutcome.Success(out);
            }
            case TaskOutcome.Failure f -> f;
            case TaskOutcome.Delayed d -> new TaskOutcome.Delayed(d.duration(), wrap(d.then()));
            case TaskOutcome.Submitted s -> new TaskOutcome.Submitted(s.response(), () -> wrap(s.completion().await()));
        };
    }
}
