package io.flowstate.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL for the test JVM, started from Maven artifacts on first use and stopped at exit. Each
 * {@link #newDatabase} is an empty database, so tests never see each other's rows. When the server cannot
 * start on this machine the calling test is skipped with the reason, not failed.
 */
final class EmbeddedPostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Optional<EmbeddedPostgres> server;
    private static String failure = "";

    private EmbeddedPostgresServer() {}

    private static synchronized Optional<EmbeddedPostgres> server() {
        if (server == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (java.io.IOException e) {
                        // the JVM is exiting; the temporary cluster directory goes with it
                    }
                }));
                server = Optional.of(pg);
            } catch (Exception | LinkageError e) {
                failure = e.toString();
                server = Optional.empty();
            }
        }
        return server;
    }

    /** The JDBC URL of a new empty database; skips the test when PostgreSQL cannot run here. */
    static String newDatabase() {
        Optional<EmbeddedPostgres> pg = server();
        Assumptions.assumeTrue(pg.isPresent(), () -> "embedded PostgreSQL could not start on this machine: " + failure);
        String name = "flowstate_" + DATABASES.incrementAndGet();
        try (Connection c = pg.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return pg.get().getJdbcUrl("postgres", name);
    }
}
