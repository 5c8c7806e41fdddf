package io.flowstate.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A commit's event batch ({@link EventCodec#writeBatch}) as the bytes of {@code event_batches.body}: LZ4-compressed
 * when it is long enough to gain, else its UTF-8 text. A batch repeats itself a lot (every event has a type, a
 * timestamp and a previous event id; every state's output holds most of its input), so a pass-chain batch shrinks
 * from 8.3 KB to 1.1 KB. SQLite has one writer, whose native work per commit grows with the pages it writes; the
 * compressing is done by each caller before it queues for the writer. LZ4 rather than zlib: zlib's fastest level
 * shrank that batch to 0.8 KB but took 21 us to LZ4's 5 (single-threaded, the same batch), a tenth of the CPU a
 * durable pass-chain execution takes in all.
 *
 * <p>The forms tell themselves apart by their first byte: a batch's JSON text begins with {@code [}; an LZ4 body is
 * {@code L}, the text's length in UTF-8 bytes (4 bytes, big-endian), then the LZ4 block; a zlib stream (written by
 * versions before this one, still read) begins with its header byte {@code 0x78}. Rows written before version 6
 * are text, read as such.
 */
final class BatchBodies {
    /** Shorter texts are stored as they are: compressing them gains a few bytes at most. */
    static final int MIN_COMPRESSED = 512;
    /** The first byte of an LZ4 body. */
    static final byte LZ4 = 'L';
    private static final int HEADER = 5;
    /** The fastest implementation the platform has: native (JNI), else Java. Thread-safe, shared. */
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
    /** The safe decompressor: it reads only the block it is given, whatever a damaged row holds. */
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();

    private BatchBodies() {}

    /** The stored form of a batch's text. */
    static byte[] pack(String batch) {
        byte[] text = batch.getBytes(StandardCharsets.UTF_8);
        if (text.length < MIN_COMPRESSED) {
            return text;
        }
        byte[] out = new byte[HEADER + COMPRESSOR.maxCompressedLength(text.length)];
        out[0] = LZ4;
        ByteBuffer.wrap(out, 1, 4).putInt(text.length);
        int n = COMPRESSOR.compress(text, 0, text.length, out, HEADER, out.length - HEADER);
        // A compressed form no shorter than the text is not kept.
        return HEADER + n < text.length ? Arrays.copyOf(out, HEADER + n) : text;
    }

    /** The batch's text back from its stored form. */
    static String unpack(byte[] stored) {
        if (stored.length == 0 || stored[0] == '[') {
            return new String(stored, StandardCharsets.UTF_8);
        }
        if (stored[0] == LZ4) {
            return unpackLz4(stored);
        }
        return inflate(stored);
    }

    private static String unpackLz4(byte[] stored) {
        if (stored.length < HEADER) {
            throw new IllegalArgumentException("not a stored event batch: truncated LZ4 header");
        }
        int length = ByteBuffer.wrap(stored, 1, 4).getInt();
        if (length < 0 || length > 1 << 30) {
            throw new IllegalArgumentException("not a stored event batch: LZ4 length " + length);
        }
        byte[] text = new byte[length];
        try {
            int written = DECOMPRESSOR.decompress(stored, HEADER, stored.length - HEADER, text, 0, length);
            if (written != length) {
                throw new IllegalArgumentException("not a stored event batch: LZ4 block of " + written + " bytes, "
                        + length + " expected");
            }
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("not a stored event batch: " + e.getMessage(), e);
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** A zlib body, as versions before LZ4 stored long batches. */
    private static String inflate(byte[] stored) {
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
}
