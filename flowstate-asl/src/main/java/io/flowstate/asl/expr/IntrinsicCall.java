package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.intrinsic.Argument;
import io.flowstate.asl.expr.intrinsic.IntrinsicFunction;
import io.flowstate.asl.expr.intrinsic.Invocation;
import java.util.List;

/**
 * A compiled intrinsic function call such as {@code States.Format('{} items', $.count)}: the function and its
 * compiled arguments (literals, paths, nested calls). Arguments are evaluated left to right, then the function
 * checks them; argument errors are runtime errors ({@code States.Runtime}, "Invalid arguments in States.X"),
 * as on AWS, which accepts a definition whose calls have the wrong number or type of arguments.
 */
public final class IntrinsicCall implements ValueExpression {
    private final String text;
    private final IntrinsicFunction function;
    private final List<Argument> arguments;

    public IntrinsicCall(String text, IntrinsicFunction function, List<Argument> arguments) {
        this.text = requireNonNull(text, "text is null");
        this.function = requireNonNull(function, "function is null");
        this.arguments = List.copyOf(arguments);
    }

    /** The called function. */
    public IntrinsicFunction function() {
        return function;
    }

    /** The compiled arguments, in order. */
    public List<Argument> arguments() {
        return arguments;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public JsonNode evaluate(EvalContext ctx) {
        return evaluate(ctx, text);
    }

    @Override
    public JsonNode evaluate(EvalContext ctx, String field) {
        JsonNode[] values = new JsonNode[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).evaluate(ctx, field);
        }
        return function.apply(new Invocation(List.of(values), arguments, ctx));
    }

    @Override
    public String toString() {
        return text;
    }
}
