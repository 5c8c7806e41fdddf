package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an expression can see while it is evaluated: the state's effective input ({@code $}), the context
 * object ({@code $$}) and the workflow variables ({@code $name}).
 *
 * <p>Values are Jackson trees treated as immutable: expressions never modify them.
 */
public record EvalContext(JsonNode input, JsonNode context, Variables variables) {
    public EvalContext {
        requireNonNull(input, "input is null");
        requireNonNull(context, "context is null");
        requireNonNull(variables, "variables is null");
    }

    /** The same context with another {@code $}. */
    public EvalContext withInput(JsonNode newInput) {
        return new EvalContext(newInput, context, variables);
    }
}
