package io.flowstate.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A commit's event batch ({@link EventCodec#writeBatch}) as the bytes of {@code event_batches.body}: deflated (zlib,
 * fastest level) when it is long enough to gain, else its UTF-8 text. A batch repeats itself a lot (every event
 * has a type, a timestamp and a previous event id; every state's output holds most of its input), so a
 * pass-chain batch shrinks from 8.1 KB to 0.8 KB. SQLite has one writer, whose native work per commit grows
 * with the pages it writes; the deflating is done by each caller before it queues for the writer.
 *
 * <p>The two forms tell themselves apart by their first byte: a batch's JSON text begins with {@code [}, a zlib
 * stream with its header byte {@code 0x78}. Rows written before version 6 are text, read as such.
 */
final class BatchBodies {
    /** Shorter texts are stored as they are: deflating them gains a few bytes at most. */
    static final int MIN_DEFLATED = 512;
    /** Deflaters kept for reuse (each holds about 300 KB of native memory; creating one costs more than using it). */
    private static final int POOLED = 16;
    private static final Queue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOL_SIZE = new AtomicInteger();

    private BatchBodies() {}

    /** The stored form of a batch's text. */
    static byte[] pack(String batch) {
        byte[] text = batch.getBytes(StandardCharsets.UTF_8);
        if (text.length < MIN_DEFLATED) {
            return text;
        }
        Deflater d = DEFLATERS.poll();
        if (d == null) {
            d = new Deflater(Deflater.BEST_SPEED);
        } else {
            POOL_SIZE.decrementAndGet();
        }
        try {
            d.setInput(text);
            d.finish();
            // A deflated form no shorter than the text is not kept: the buffer stops it there.
            byte[] out = new byte[text.length];
            int n = 0;
            while (!d.finished() && n < out.length) {
                n += d.deflate(out, n, out.length - n);
            }
            return d.finished() && n < text.length ? Arrays.copyOf(out, n) : text;
        } finally {
            release(d);
        }
    }

    /** The batch's text back from its stored form. */
    static String unpack(byte[] stored) {
        if (stored.length == 0 || stored[0] == '[') {
            return new String(stored, StandardCharsets.UTF_8);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("not a stored event batch: truncated or not zlib");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a stored event batch: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static void release(Deflater d) {
        if (POOL_SIZE.incrementAndGet() <= POOLED) {
            d.reset();
            DEFLATERS.add(d);
        } else {
            POOL_SIZE.decrementAndGet();
            d.end();
        }
    }
}
