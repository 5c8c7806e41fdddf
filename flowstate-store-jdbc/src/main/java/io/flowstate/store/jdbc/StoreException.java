package io.flowstate.store.jdbc;

/**
 * The database failed (I/O, connection lost, disk full): nothing of the failed write is kept, since every
 * write is one transaction. The engine treats it as transient and the caller may retry.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
