package io.flowstate.asl.expr.intrinsic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.IntrinsicCall;
import io.flowstate.asl.expr.Path;

/** One compiled argument of an intrinsic function call. */
public sealed interface Argument {
    /** The argument's value; {@code field} names the definition field for "not found" causes. */
    JsonNode evaluate(EvalContext ctx, String field);

    /** A number, {@code true}, {@code false} or {@code null} literal. */
    record Literal(JsonNode value) implements Argument {
        public Literal {
            requireNonNull(value, "value is null");
        }

        @Override
        public JsonNode evaluate(EvalContext ctx, String field) {
            return value;
        }
    }

    /**
     * A quoted string literal: {@code value} has the escapes resolved, {@code raw} is the text between the
     * quotes as written. States.Format needs {@code raw} to tell an escaped brace from a placeholder.
     */
    record StringLiteral(String value, String raw) implements Argument {
        public StringLiteral {
            requireNonNull(value, "value is null");
            requireNonNull(raw, "raw is null");
        }

        @Override
        public JsonNode evaluate(EvalContext ctx, String field) {
            return TextNode.valueOf(value);
        }
    }

    /** A path ({@code $.x}, {@code $$.x}, {@code $var}); a definite path that matches nothing fails. */
    record PathArgument(Path path) implements Argument {
        public PathArgument {
            requireNonNull(path, "path is null");
        }

        @Override
        public JsonNode evaluate(EvalContext ctx, String field) {
            return path.read(ctx, field);
        }
    }

    /** A nested call. */
    record Call(IntrinsicCall call) implements Argument {
        public Call {
            requireNonNull(call, "call is null");
        }

        @Override
        public JsonNode evaluate(EvalContext ctx, String field) {
            return call.evaluate(ctx, field);
        }
    }
}
