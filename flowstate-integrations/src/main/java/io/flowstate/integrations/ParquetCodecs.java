package io.flowstate.integrations;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page decompressors Flowstate reads Parquet with, all pure Java: UNCOMPRESSED, GZIP ({@code java.util.zip}),
 * SNAPPY, ZSTD and LZ4_RAW (aircompressor, which parquet-java itself depends on). parquet-java's own codec
 * factory is built on Hadoop's codec classes, which would bring Hadoop into the runnable jar; this one needs none.
 * LZO, BROTLI and the Hadoop-framed LZ4 are refused with a message that names the codec. Decompression only:
 * Flowstate never writes Parquet.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Raw(null);
            case GZIP -> new Gzip();
            case SNAPPY -> new Raw(SnappyDecompressor::new);
            case ZSTD -> new Raw(ZstdDecompressor::new);
            case LZ4_RAW -> new Raw(Lz4Decompressor::new);
            case LZO, BROTLI, LZ4 -> throw new CsvItems.ReadFailure("The Parquet object's pages are compressed with "
                    + codec + "; Flowstate reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW.");
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("Flowstate does not write Parquet");
    }

    @Override
    public void release() {}

    /** The bytes of {@code b} (its {@code toByteArray} is deprecated). */
    static byte[] bytes(BytesInput b) throws IOException {
        try (InputStream in = b.toInputStream()) {
            return in.readAllBytes();
        }
    }

    /** A decompressor of whole pages, whose uncompressed sizes the page headers give. */
    private abstract static class Pages implements BytesInputDecompressor {
        abstract byte[] inflate(byte[] in, int uncompressedSize) throws IOException;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = inflate(bytes(bytes), uncompressedSize);
            if (out.length != uncompressedSize) {
                throw new IOException("a page decompressed to " + out.length + " bytes, not the " + uncompressedSize
                        + " its header gives");
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(inflate(in, uncompressedSize));
        }

        @Override
        public void release() {}
    }

    /** A block codec, or none when {@code codec} is null. */
    private static final class Raw extends Pages {
        private final Supplier<Decompressor> codec;

        Raw(Supplier<Decompressor> codec) {
            this.codec = codec;
        }

        @Override
        byte[] inflate(byte[] in, int uncompressedSize) throws IOException {
            if (codec == null) {
                return in;
            }
            byte[] out = new byte[uncompressedSize];
            try {
                int n = codec.get().decompress(in, 0, in.length, out, 0, out.length);
                return n == out.length ? out : java.util.Arrays.copyOf(out, n);
            } catch (MalformedInputException | IndexOutOfBoundsException e) {
                throw new IOException("a compressed page is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /** GZIP pages are whole gzip streams (possibly of several members, which GZIPInputStream reads on through). */
    private static final class Gzip extends Pages {
        @Override
        byte[] inflate(byte[] in, int uncompressedSize) throws IOException {
            try (InputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                return z.readNBytes(uncompressedSize);
            }
        }
    }
}
