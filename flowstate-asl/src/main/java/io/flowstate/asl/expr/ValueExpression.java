package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.intrinsic.IntrinsicParser;

/**
 * The value of a {@code .$} key or of a {@code ...Path} field that also accepts intrinsic functions: a path
 * ({@code $...}, {@code $$...}, {@code $var...}) or an intrinsic function call ({@code States.Format(...)}).
 * Compiled once; evaluation does no parsing.
 */
public sealed interface ValueExpression permits Path, IntrinsicCall {
    /**
     * Evaluates the expression; {@link EvaluationException} on a runtime error. A path that matches nothing
     * fails with the "Invalid path" cause of {@link Path#read(EvalContext)}; a call reports missing path
     * arguments with its own text as the field name.
     */
    JsonNode evaluate(EvalContext ctx);

    /**
     * Evaluates the expression for the definition field {@code field} (for example {@code value.$} or
     * {@code CausePath}), which AWS names in the cause when a path matches nothing.
     */
    JsonNode evaluate(EvalContext ctx, String field);

    /** The expression as written. */
    String text();

    /**
     * Compiles {@code text}: a path (starts with {@code $}) or an intrinsic function call (starts with
     * {@code States.}). Throws {@link ExpressionSyntaxException} naming the text when it is neither.
     */
    static ValueExpression compile(String text) {
        requireNonNull(text, "text is null");
        if (text.startsWith("$")) {
            return Path.compile(text);
        }
        if (text.startsWith("States.")) {
            return IntrinsicParser.parse(text);
        }
        throw new ExpressionSyntaxException("The value '" + text
                + "' is neither a valid JSONPath nor a valid intrinsic function call");
    }
}
