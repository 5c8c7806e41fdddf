package io.flowstate.integrations;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The compressors the test files are written with (pure Java, as {@link ParquetCodecs} reads them), so that the
 * tests, like Flowstate, run with no Hadoop class on the class path; parquet-java's own codec factory needs one.
 */
final class ParquetTestCodecs implements CompressionCodecFactory {
    private final ParquetCodecs read = new ParquetCodecs();

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = ParquetCodecs.bytes(bytes);
                return switch (codec) {
                    case UNCOMPRESSED -> BytesInput.from(in);
                    case GZIP -> BytesInput.from(gzip(in));
                    case SNAPPY -> BytesInput.from(block(new SnappyCompressor(), in));
                    case ZSTD -> BytesInput.from(block(new ZstdCompressor(), in));
                    case LZ4_RAW -> BytesInput.from(block(new Lz4Compressor(), in));
                    default -> throw new UnsupportedOperationException(codec.name());
                };
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return read.getDecompressor(codec);
    }

    @Override
    public void release() {}

    private static byte[] block(Compressor c, byte[] in) {
        byte[] out = new byte[c.maxCompressedLength(in.length)];
        int n = c.compress(in, 0, in.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(in);
        }
        return out.toByteArray();
    }
}
