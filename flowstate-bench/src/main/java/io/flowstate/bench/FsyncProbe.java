package io.flowstate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The disk's fsync latency where a durable benchmark keeps its data: {@code samples} times, a 16 KiB write
 * then {@code fsync} ({@link FileChannel#force}), timed together; nearest-rank p50 and p99 in microseconds. A
 * durable engine's throughput is bounded by this figure, so it is reported beside each run to tell the disk
 * from the engine.
 */
public record FsyncProbe(double p50Micros, double p99Micros, int samples) {
    private static final int BLOCK = 16 * 1024;

    /** Measures in {@code dir} (a scratch file is created there and removed). */
    public static FsyncProbe measure(Path dir, int samples) throws IOException {
        Path file = Files.createTempFile(dir, "fsync-probe-", ".bin");
        long[] nanos = new long[samples];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            for (int i = 0; i < samples; i++) {
                block.clear();
                block.put(0, (byte) i);
                long t0 = System.nanoTime();
                // Each sample appends, as a write-ahead log does, and syncs what it wrote.
                while (block.hasRemaining()) {
                    ch.write(block, (long) i * BLOCK + block.position());
                }
                ch.force(false);
                nanos[i] = System.nanoTime() - t0;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(nanos);
        return new FsyncProbe(rank(nanos, 50) / 1000.0, rank(nanos, 99) / 1000.0, samples);
    }

    private static long rank(long[] sorted, int percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
