package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** How the running executions of a lapsed node are shared out among the live nodes (real PostgreSQL). */
class NodeLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-27T00:00:00Z"));
    private static final int EXECUTIONS = 10;

    private String url;
    private Transactions tx;

    @BeforeEach
    void open() throws SQLException {
        url = EmbeddedPostgresServer.newDatabase();
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(url);
        data.setUser("postgres");
        data.setPassword("postgres");
        Migrations.migrate(data, Dialect.POSTGRESQL);
        tx = new Transactions(data, Dialect.POSTGRESQL);
        // Node "a" lapsed long ago, owning ten running executions (row ids 1 to 10).
        sql("INSERT INTO nodes (node_id, lease_until_ns) VALUES ('a', 0)");
        sql("INSERT INTO definitions (hash, text) VALUES ('h', '{}')");
        for (int i = 1; i <= EXECUTIONS; i++) {
            sql("INSERT INTO executions (execution_arn, state_machine_arn, name, type, status, start_ns, input_text, "
                    + "last_event_id, journal_length, definition_hash, start_info, owner) VALUES ('arn:e:" + i
                    + "', 'arn:sm', 'e" + i + "', 'STANDARD', 'RUNNING', " + i + ", '{}', 1, 0, 'h', '{}', 'a')");
        }
    }

    @AfterEach
    void close() {
        tx.close();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private NodeLeases live(String id) {
        NodeLeases n = new NodeLeases(tx, id, LEASE, CLOCK);
        n.renew();
        return n;
    }

    private static List<String> arns(int... ids) {
        return IntStream.of(ids).mapToObj(i -> "arn:e:" + i).toList();
    }

    @Test
    void claimExpired_twoLiveNodes_eachTakesItsPartThenNothingIsLeft() {
        NodeLeases b = live("b");
        NodeLeases c = live("c");

        List<String> byB = b.claimExpired(3);
        List<String> byC = c.claimExpired(3);

        // Row id modulo 2: b (rank 0) the even ids, c (rank 1) the odd ones, in batches of 3.
        assertThat(byB).containsExactlyInAnyOrderElementsOf(arns(2, 4, 6, 8, 10));
        assertThat(byC).containsExactlyInAnyOrderElementsOf(arns(1, 3, 5, 7, 9));
        assertThat(b.claimExpired(3)).isEmpty();
        assertThat(b.expiredNodes()).isEmpty(); // a owns nothing any more: forgotten
    }

    /** A survivor that does not claim its part (slow, or dead itself) delays it by one tick of the others. */
    @Test
    void claimExpired_liveNodeThatNeverClaims_itsPartIsTakenOnTheNextTick() {
        NodeLeases b = live("b");
        live("c");

        List<String> first = b.claimExpired(100);
        List<String> second = b.claimExpired(100);

        assertThat(first).containsExactlyInAnyOrderElementsOf(arns(2, 4, 6, 8, 10));
        assertThat(second).containsExactlyInAnyOrderElementsOf(arns(1, 3, 5, 7, 9));
    }

    @Test
    void claimExpired_onlyLiveNode_takesEverythingAtOnce() {
        NodeLeases b = live("b");

        List<String> all = new ArrayList<>(b.claimExpired(4));

        assertThat(all).hasSize(EXECUTIONS).containsExactlyInAnyOrderElementsOf(arns(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }
}
