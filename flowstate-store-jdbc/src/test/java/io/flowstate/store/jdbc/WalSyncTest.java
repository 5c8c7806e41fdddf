package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalSyncTest {
    @TempDir
    Path dir;

    @Test
    void handOver_afterTheSync_runsDurableAndReleasesReaders() throws Exception {
        Path wal = Files.writeString(dir.resolve("db-wal"), "frames");
        try (WalSync sync = new WalSync(wal)) {
            long seq = sync.begin();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(sync::awaitDurable);
            CountDownLatch durable = new CountDownLatch(1);

            // A read that finished after the commit began waits for its sync.
            assertThat(reader).isNotDone();
            sync.handOver(seq, durable::countDown, e -> { });

            assertThat(durable.await(10, TimeUnit.SECONDS)).isTrue();
            reader.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitDurable_nothingBegun_returnsAtOnce() {
        try (WalSync sync = new WalSync(dir.resolve("db-wal"))) {
            sync.awaitDurable();
        }
    }

    /** A failed fsync may have lost pages: the works waiting for it fail, and so does every later write. */
    @Test
    void handOver_fsyncFails_failsTheWorksAndTheStoreStaysBroken() throws Exception {
        try (WalSync sync = new WalSync(dir.resolve("missing-wal"))) {
            long seq = sync.begin();
            AtomicReference<StoreException> failed = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);

            sync.handOver(seq, () -> { }, e -> {
                failed.set(e);
                done.countDown();
            });

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failed.get()).hasMessageContaining("fsync of").hasMessageContaining("no more writes");
            sync.awaitDurable(); // readers are not left waiting
            assertThatThrownBy(sync::begin).isSameAs(failed.get());
        }
    }
}
