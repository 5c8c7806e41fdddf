package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of a {@code .$} key or of a {@code ...Path} field that also accepts intrinsic functions: a path
 * ({@code $...}, {@code $$...}, {@code $var...}) or an intrinsic function call ({@code States.Format(...)}).
 */
public interface ValueExpression {
    /** Evaluates the expression; {@link EvaluationException} on a runtime error. */
    JsonNode evaluate(EvalContext ctx);

    /** The expression as written. */
    String text();

    /**
     * Compiles {@code text}: a path or an intrinsic function call. Throws {@link ExpressionSyntaxException}.
     *
     * <p>Placeholder: paths only until the intrinsic functions land.
     */
    static ValueExpression compile(String text) {
        Path p = Path.compile(text);
        return new ValueExpression() {
            @Override
            public JsonNode evaluate(EvalContext ctx) {
                return p.read(ctx);
            }

            @Override
            public String text() {
                return text;
            }
        };
    }
}
