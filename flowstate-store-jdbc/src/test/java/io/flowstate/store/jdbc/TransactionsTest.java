package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The group commit on SQLite: grouped writes commit together, and one failing write fails alone. */
class TransactionsTest {
    @TempDir
    Path dir;

    private Transactions tx;

    @BeforeEach
    void open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource data = new SQLiteDataSource(config);
        data.setUrl("jdbc:sqlite:" + dir.resolve("t.db"));
        tx = new Transactions(data, Dialect.SQLITE);
        tx.write(s -> s.prepare("CREATE TABLE t (k TEXT PRIMARY KEY)").executeUpdate());
    }

    @AfterEach
    void close() {
        tx.close();
    }

    /**
     * A group runs without savepoints; when one of its writes fails, the group is rolled back and each write
     * runs again alone, so the failure is its caller's only and the other writes of the group are kept.
     */
    @Test
    void write_oneWriteOfAGroupFails_othersCommitAndOnlyItsCallerFails() throws Exception {
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Platform threads of their own: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(5);
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> tx.write(s -> {
            leaderRunning.countDown();
            await(release);
            return insert(s, "leader");
        }), threads);
        leaderRunning.await();
        List<CompletableFuture<Integer>> group = new ArrayList<>();
        for (String key : List.of("a", "b", "a", "c")) { // the second "a" violates the primary key
            group.add(CompletableFuture.supplyAsync(() -> tx.write(s -> insert(s, key)), threads));
            while (tx.queued() < group.size()) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        leader.join();

        group.forEach(f -> f.handle((v, e) -> v).join());
        threads.shutdown();

        assertThat(group.stream().map(CompletableFuture::isCompletedExceptionally))
                .containsExactly(false, false, true, false);
        assertThat(keys()).containsExactlyInAnyOrder("leader", "a", "b", "c");
    }

    /** Virtual threads hand their writes to the committer thread (see Transactions#write) and get their outcome. */
    @Test
    void write_fromManyVirtualThreads_everyWriteCommitsAndFailuresStayTheirs() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 200; i++) {
            String key = "k" + (i % 100); // every key twice: one of each pair fails
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    tx.write(s -> insert(s, key));
                } catch (StoreException e) {
                    failures.add(key);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(keys()).hasSize(100);
        assertThat(failures).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void write_fromVirtualThreadAfterClose_throws() throws Exception {
        tx.close();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();

        Thread.ofVirtual().start(() -> {
            try {
                tx.write(s -> insert(s, "x"));
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
        }).join();

        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** The work is the committer's once queued: an interrupted caller still waits for its commit, and stays interrupted. */
    @Test
    void write_fromInterruptedThread_commitsAndKeepsTheInterrupt() throws Exception {
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();

        Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            tx.write(s -> insert(s, "x"));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        }).join();

        assertThat(stillInterrupted.get()).isTrue();
        assertThat(keys()).containsExactly("x");
    }

    @Test
    void write_failingWriteAlone_throwsAndKeepsNothing() {
        assertThatThrownBy(() -> tx.write(s -> {
            insert(s, "x");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(keys()).isEmpty();
    }

    @Test
    void write_afterClose_throws() {
        tx.close();

        assertThatThrownBy(() -> tx.write(s -> insert(s, "x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static int insert(Statements s, String key) throws SQLException {
        PreparedStatement ps = s.prepare("INSERT INTO t (k) VALUES (?)");
        ps.setString(1, key);
        return ps.executeUpdate();
    }

    private List<String> keys() {
        return tx.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k FROM t"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
