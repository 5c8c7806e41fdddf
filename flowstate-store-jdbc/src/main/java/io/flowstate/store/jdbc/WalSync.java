package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Makes SQLite's commits durable on a thread of its own, so that the writer runs the next group while the disk
 * flushes the last one. SQLite's writer connection runs with {@code synchronous=NORMAL}: a commit writes its
 * WAL frames to the operating system and returns. Its works are then handed over here, and their callers are
 * released only after an fsync of the WAL file that began after that commit returned, which is what
 * {@code synchronous=FULL} would have done inside the commit, minus the writer's wait. One fsync covers every
 * group handed over before it starts, so a slow disk makes groups share fsyncs instead of queueing them.
 *
 * <p>Nothing a commit causes becomes visible before it is durable: a writer's caller is released after the
 * fsync, and a read of this process ({@link #awaitDurable}) returns only once every commit that had begun when
 * it finished is durable, so it cannot report a row a power cut could still take back. (Another process reading
 * the file, such as the {@code sqlite3} shell, may see a commit up to one fsync early.) A crash of the process
 * loses nothing committed, since the frames are in the operating system's cache; a power cut loses at most
 * the commits whose callers were not released yet. SQLite's checkpoints sync the WAL themselves before copying
 * it into the database.
 *
 * <p>When an fsync fails the store stops: the works waiting for it fail, as does every later write, because
 * the kernel may have dropped the dirty pages it could not write (retrying an fsync can report success for
 * data that is gone).
 */
final class WalSync implements AutoCloseable {
    private final Path wal;
    private final Queue<Handover> handed = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Committer thread;
    /** Commits begun by the writer, counted; only the writer's thread writes it. */
    private volatile long begun;
    /** Every commit up to this count is durable (or failed). */
    private volatile long durable;
    private volatile StoreException broken;

    /** Starts the syncing thread for the WAL file {@code wal}. */
    WalSync(Path wal) {
        this.wal = requireNonNull(wal, "wal is null");
        this.thread = new Committer("flowstate-sqlite-wal-sync", () -> !handed.isEmpty(), this::syncHanded);
    }

    /** The WAL file this syncs. */
    Path wal() {
        return wal;
    }

    /**
     * Called by the writer before it commits: the number to hand over with what it commits. Throws when an
     * earlier fsync failed.
     */
    long begin() {
        StoreException b = broken;
        if (b != null) {
            throw b;
        }
        return ++begun;
    }

    /**
     * After the commits numbered {@code seq} returned (or failed): {@code durable} runs once they are on disk,
     * {@code failed} if the fsync fails. Also called with no-ops when nothing was committed, so that readers
     * waiting for {@code seq} are released.
     */
    void handOver(long seq, Runnable onDurable, Consumer<StoreException> onFailed) {
        handed.add(new Handover(seq, onDurable, onFailed));
        thread.wake();
    }

    /** Waits until every commit begun so far is durable: a read calls it before returning what it read. */
    void awaitDurable() {
        long need = begun;
        if (durable >= need) {
            return;
        }
        lock.lock();
        try {
            while (durable < need) {
                advanced.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The syncing thread's work: one fsync for everything handed over so far. */
    private void syncHanded() {
        List<Handover> batch = new ArrayList<>();
        for (Handover h = handed.poll(); h != null; h = handed.poll()) {
            batch.add(h);
        }
        if (batch.isEmpty()) {
            return;
        }
        StoreException failure = broken;
        if (failure == null) {
            try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
                ch.force(false);
            } catch (IOException e) {
                failure = new StoreException("fsync of " + wal + " failed; the store accepts no more writes", e);
                broken = failure;
            }
        }
        long highest = 0;
        for (Handover h : batch) {
            highest = Math.max(highest, h.seq);
            if (failure == null) {
                h.onDurable.run();
            } else {
                h.onFailed.accept(failure);
            }
        }
        lock.lock();
        try {
            durable = Math.max(durable, highest);
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Syncs what is handed over already, then stops the thread. */
    @Override
    public void close() {
        thread.stop();
        syncHanded();
    }

    private record Handover(long seq, Runnable onDurable, Consumer<StoreException> onFailed) {}
}
