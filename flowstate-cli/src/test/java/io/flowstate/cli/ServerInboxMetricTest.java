package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A node of a PostgreSQL cluster reports the depth of its inbox of forwarded triggers on {@code /metrics}. */
class ServerInboxMetricTest {
    @Test
    void metrics_postgresNode_reportsItsInboxDepth() throws Exception {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            Assumptions.abort("embedded PostgreSQL could not start on this machine: " + e);
            return;
        }
        try (pg) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE flowstate_inbox");
            }
            try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--store",
                    pg.getJdbcUrl("postgres", "flowstate_inbox"), "--store-user", "postgres", "--store-password",
                    "postgres", "--node-id", "n1"))) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(r.body()).contains("# HELP flowstate_inbox_depth Triggers other nodes forwarded")
                        .contains("flowstate_inbox_depth 0.0");
            }
        }
    }
}
