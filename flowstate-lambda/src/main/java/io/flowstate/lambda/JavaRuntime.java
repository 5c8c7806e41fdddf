package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A function that is a Java {@link Function} in this JVM, for tests and benchmarks that need a function costing
 * next to nothing: no process, no serialisation beyond Jackson's. It runs on the Invoke request's own (virtual)
 * thread, so its timeout is not enforced (a thread cannot be killed). A thrown exception answers the AWS Java
 * runtime's error payload, {@code {"errorMessage","errorType","stackTrace"}}.
 */
final class JavaRuntime implements FunctionRuntime {
    private final FunctionConfig config;
    private final Function<JsonNode, JsonNode> function;

    JavaRuntime(FunctionConfig config, Function<JsonNode, JsonNode> function) {
        this.config = requireNonNull(config, "config is null");
        this.function = requireNonNull(function, "function is null");
    }

    @Override
    public InvokeResult invoke(Invocation invocation) {
        long start = System.nanoTime();
        JsonNode event = LambdaJson.parse(invocation.payload());
        try {
            JsonNode result = function.apply(event);
            byte[] payload = LambdaJson.bytes(result == null ? NullNode.getInstance() : result);
            return InvokeResult.success(payload, log(invocation, start));
        } catch (RuntimeException e) {
            ObjectNode error = LambdaJson.object().put("errorMessage", e.getMessage())
                    .put("errorType", e.getClass().getName());
            ArrayNode trace = error.putArray("stackTrace");
            for (StackTraceElement frame : e.getStackTrace()) {
                trace.add(frame.toString());
            }
            return InvokeResult.unhandled(LambdaJson.text(error), log(invocation, start));
        }
    }

    private String log(Invocation invocation, long start) {
        return ExecutionLog.of(invocation.requestId(), "", Duration.ofNanos(System.nanoTime() - start),
                config.memorySize(), 0, Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        // Nothing runs between invocations.
    }
}
