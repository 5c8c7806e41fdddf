package io.flowstate.engine.runtime;

/**
 * A commit expected a last event id the store no longer has: someone else advanced the execution first.
 * The caller reloads and decides again; nothing was written.
 */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String executionArn, long expected, long actual) {
        super("execution " + executionArn + ": expected last event " + expected + " but the store has " + actual,
                null, false, false);
    }
}
