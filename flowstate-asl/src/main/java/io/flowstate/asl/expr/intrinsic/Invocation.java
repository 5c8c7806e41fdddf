package io.flowstate.asl.expr.intrinsic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import java.util.List;

/**
 * One call being applied: the evaluated argument values, the compiled arguments they came from (same size and
 * order) and the evaluation context (for the random source).
 */
public record Invocation(List<JsonNode> values, List<Argument> arguments, EvalContext context) {
    public Invocation {
        values = List.copyOf(values);
        arguments = List.copyOf(arguments);
        requireNonNull(context, "context is null");
        if (values.size() != arguments.size()) {
            throw new IllegalArgumentException("values and arguments differ in size");
        }
    }

    int size() {
        return values.size();
    }

    JsonNode value(int i) {
        return values.get(i);
    }
}
