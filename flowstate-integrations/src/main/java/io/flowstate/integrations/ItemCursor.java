package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * An open position in a reader's item sequence. The reader's push-style code ({@link Source}, the same that fills
 * a collecting {@link ItemSink}) runs on a virtual thread of its own and puts items into a bounded queue; callers
 * pull them with {@link #next()}. The producer blocks once the queue is full, so memory holds at most
 * {@code capacity} items however long the sequence is, and the reader's S3 stream stays open between pulls.
 * <p>
 * The first {@code skip} items are read and dropped by the producer (a cursor opened in the middle of the
 * sequence); they count towards {@code limit} (MaxItems), as they would for a reader starting at the beginning.
 * A failure the reader raises is queued after the items read before it and thrown by the {@link #next()} that
 * reaches it. {@link #close()} stops the producer: the sink throws on its next item and the thread is interrupted
 * (out of a full queue or a blocking read), so the reader unwinds and closes its stream.
 * <p>
 * One caller at a time pulls from a cursor; {@link #close()} may come from any thread.
 */
final class ItemCursor implements AutoCloseable {
    /** The reading a cursor runs: puts the sequence's items into {@code sink}, in order, until it is full. */
    @FunctionalInterface
    interface Source {
        void read(ItemSink sink) throws IOException;
    }

    /** What the queue holds: an item, the end of the sequence, or the reader's failure. */
    private sealed interface Entry {}

    private record Item(JsonNode item) implements Entry {}

    private record End() implements Entry {}

    private record Failed(Throwable failure) implements Entry {}

    /** Thrown through the reader to unwind it once the cursor is closed. */
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("the item cursor is closed", null, false, false);
        }
    }

    private final BlockingQueue<Entry> queue;
    private final Thread producer;
    private volatile boolean closed;
    private Entry peeked;

    private ItemCursor(Source source, long limit, long skip, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        long[] dropped = {0};
        ItemSink sink = new ItemSink(limit, item -> {
            if (closed) {
                throw new Closed();
            }
            if (dropped[0] < skip) {
                dropped[0]++;
                return;
            }
            offer(new Item(item));
        });
        this.producer = Thread.ofVirtual().name("flowstate-item-cursor").unstarted(() -> produce(source, sink));
    }

    /** Opens a cursor at position {@code skip} of {@code source}'s first {@code limit} items. */
    static ItemCursor open(Source source, long limit, long skip, int capacity) {
        ItemCursor cursor = new ItemCursor(source, limit, skip, capacity);
        cursor.producer.start();
        return cursor;
    }

    private void produce(Source source, ItemSink sink) {
        try {
            source.read(sink);
            offer(new End());
        } catch (Closed e) {
            // closed: nobody reads the queue any more
        } catch (Throwable e) {
            if (!closed) {
                try {
                    offer(new Failed(e));
                } catch (Closed ignored) {
                    // closed while handing the failure over
                }
            }
        }
    }

    private void offer(Entry entry) {
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            throw new Closed();
        }
    }

    /** The next item; empty at the end of the sequence. Throws the reader's failure where it comes. */
    Optional<JsonNode> next() throws IOException {
        Entry e = peek();
        if (e instanceof Item item) {
            peeked = null;
            return Optional.of(item.item());
        }
        if (e instanceof Failed failed) {
            throw rethrow(failed.failure());
        }
        return Optional.empty();
    }

    /** Whether anything follows: an item, or a failure that the next {@link #next()} throws. */
    boolean hasNext() {
        return !(peek() instanceof End);
    }

    private Entry peek() {
        if (peeked == null) {
            try {
                peeked = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the next item");
            }
        }
        return peeked;
    }

    private static RuntimeException rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new UncheckedIOException(new IOException(failure));
    }

    /** Stops the producer; idempotent. */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear(); // frees the items now, and a producer blocked on a full queue (interrupted anyway)
    }

    /** Whether the producer thread has ended within {@code timeout}. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return producer.join(timeout);
    }
}
