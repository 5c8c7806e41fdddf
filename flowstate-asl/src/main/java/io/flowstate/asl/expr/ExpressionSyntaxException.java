package io.flowstate.asl.expr;

/**
 * An expression (path, intrinsic function call, payload template key) that cannot be compiled. The parser
 * turns it into a diagnostic at the field's location; the message says what is wrong with which text.
 */
public final class ExpressionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionSyntaxException(String message) {
        super(message, null, false, false);
    }
}
