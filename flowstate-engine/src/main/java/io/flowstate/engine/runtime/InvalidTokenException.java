package io.flowstate.engine.runtime;

/** A {@code nextToken} this store did not issue (ListExecutions answers {@code InvalidToken}). */
public final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String token) {
        super("Invalid token: " + token, null, false, false);
    }
}
