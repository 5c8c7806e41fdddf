package io.flowstate.store.jdbc;

/**
 * What differs between the databases the JDBC store runs on. The SQL itself is shared (both accept
 * {@code INSERT ... ON CONFLICT DO NOTHING} and {@code RETURNING}); migrations and write concurrency differ.
 */
public enum Dialect {
    /**
     * One file, one writer at a time: the store serialises its writes in the JVM rather than letting SQLite's
     * busy handler sleep-poll for the lock, so concurrent commits queue without spinning.
     */
    SQLITE("classpath:db/migration/sqlite", true),
    /** Row locks serialise commits of one execution; commits of different executions run in parallel. */
    POSTGRESQL("classpath:db/migration/postgresql", false);

    private final String migrations;
    private final boolean singleWriter;

    Dialect(String migrations, boolean singleWriter) {
        this.migrations = migrations;
        this.singleWriter = singleWriter;
    }

    /** Where this dialect's Flyway migrations live. */
    public String migrations() {
        return migrations;
    }

    /** Whether writes must be serialised by the store. */
    public boolean singleWriter() {
        return singleWriter;
    }
}
