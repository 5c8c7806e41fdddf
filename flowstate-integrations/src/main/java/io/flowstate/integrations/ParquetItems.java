package io.flowstate.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The items of a Parquet file ({@code ReaderConfig.InputType: PARQUET}): one JSON object per row, keyed by column
 * name, in file order, row group after row group ({@link ParquetValues} says how each Parquet type becomes JSON).
 * <p>
 * Parquet's footer sits at the end of the file, so the object is first streamed into a temporary file (deleted
 * once read, whether or not reading succeeds) and read from there: the heap holds one row group's column chunks
 * at a time (at most 256 MB uncompressed, AWS's limit), never the object. Rows go into the sink one by one, so reading stops at {@code MaxItems} or when a window
 * is full, without decoding the row groups after it. The file is read without Hadoop: a {@link LocalInputFile}
 * with a {@link PlainParquetConfiguration} and the pure-Java {@link ParquetCodecs} (UNCOMPRESSED, SNAPPY, GZIP, ZSTD,
 * LZ4_RAW; AWS documents GZIP, ZSTD and Snappy). A file that is not Parquet, or whose pages cannot be decoded, or
 * that is past one of AWS's {@link Limits}, fails with a message that names the problem.
 */
final class ParquetItems {
    /** Parquet reads at most this much into one buffer; a column chunk larger than this is read in parts. */
    private static final int MAX_ALLOCATION = 8 * 1024 * 1024;
    static final ParquetReadOptions OPTIONS = options();

    private ParquetItems() {}

    /**
     * Options that read every row (no filter) with {@link ParquetCodecs}. {@code ParquetReadOptions.Builder} cannot
     * be used: its constructor makes parquet-java's Hadoop codec factory, so it fails without Hadoop on the class
     * path; the options' own constructor (package-private, hence reflection) takes the codec factory instead. The
     * nine flags (signed min/max, statistics, dictionary, record and column-index filters, page checksums, bloom
     * filters, off-heap decryption buffers, Hadoop vectored IO) are all off: with no filter they have nothing to
     * do. parquet-java's version is pinned in the parent POM; {@code ParquetItemsTest} fails if this constructor
     * changes.
     */
    private static ParquetReadOptions options() {
        try {
            Constructor<ParquetReadOptions> c = ParquetReadOptions.class.getDeclaredConstructor(boolean.class,
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class,
                    CompressionCodecFactory.class, ByteBufferAllocator.class, int.class, Map.class,
                    FileDecryptionProperties.class, ParquetMetricsCallback.class, ParquetConfiguration.class);
            c.setAccessible(true);
            return c.newInstance(false, false, false, false, false, false, false, false, false, FilterCompat.NOOP,
                    ParquetMetadataConverter.NO_FILTER, new ParquetCodecs(), new HeapByteBufferAllocator(),
                    MAX_ALLOCATION, Map.of(), null, null, new PlainParquetConfiguration());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("parquet-java's ParquetReadOptions constructor changed", e);
        }
    }

    /**
     * The limits AWS documents for Parquet ("ItemReader (Map)": "256MB is the maximum row-group size, and 5MB is
     * the maximum footer size", and 10 GB for any one file), read as binary units. A row group's size is its
     * uncompressed size, the one Parquet writers size row groups by.
     */
    record Limits(long fileBytes, long rowGroupBytes, long footerBytes) {
        static final Limits AWS = new Limits(10L << 30, 256L << 20, 5L << 20);
    }

    /** Reads the Parquet file {@code in} holds; {@code in} is read to its end (or until it fails). */
    static void read(InputStream in, ItemSink sink) throws IOException {
        read(in, sink, Limits.AWS);
    }

    static void read(InputStream in, ItemSink sink, Limits limits) throws IOException {
        Path file = Files.createTempFile("flowstate-items-", ".parquet");
        try {
            copy(in, file, limits.fileBytes());
            checkFooter(file, limits.footerBytes());
            read(file, sink, limits.rowGroupBytes());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void copy(InputStream in, Path file, long max) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    throw new CsvItems.ReadFailure("The Parquet object is larger than " + max
                            + " bytes, the most Step Functions reads from one file.");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * Checks the footer's length, which the 4 bytes before the closing {@code PAR1} give, before parquet-java
     * reads the footer into memory. A file that does not end so is left to parquet-java to refuse.
     */
    private static void checkFooter(Path file, long max) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            if (ch.size() < 12) {
                return;
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, ch.size() - 8);
            long length = Integer.toUnsignedLong(tail.getInt(0));
            boolean magic = tail.get(4) == 'P' && tail.get(5) == 'A' && tail.get(6) == 'R' && tail.get(7) == '1';
            if (magic && length > max) {
                throw new CsvItems.ReadFailure("The Parquet object's footer is " + length + " bytes; the most is "
                        + max + ".");
            }
        }
    }

    static void read(Path file, ItemSink sink, long maxRowGroupBytes) throws IOException {
        try (ParquetFileReader reader = open(file, OPTIONS)) {
            List<BlockMetaData> groups = reader.getRowGroups();
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).getTotalByteSize() > maxRowGroupBytes) {
                    throw new CsvItems.ReadFailure("Row group " + i + " of the Parquet object is "
                            + groups.get(i).getTotalByteSize() + " bytes; the most is " + maxRowGroupBytes + ".");
                }
            }
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore rowGroup;
            while (!sink.full() && (rowGroup = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rows = columns.getRecordReader(rowGroup, new GroupRecordConverter(schema));
                for (long i = 0; i < rowGroup.getRowCount() && !sink.full(); i++) {
                    sink.add(ParquetValues.row(rows.read()));
                }
            }
        } catch (IOException | ParquetDecodingException | IllegalArgumentException | IllegalStateException e) {
            // The file is local, so an IOException here is parquet-java finding a page it cannot decode.
            throw new CsvItems.ReadFailure("The Parquet object could not be read: " + message(e, file));
        }
    }

    private static ParquetFileReader open(Path file, ParquetReadOptions options) throws IOException {
        try {
            // The constructor, not open(): open has overloads over Hadoop types, which javac would need to see.
            return new ParquetFileReader(new LocalInputFile(file), options);
        } catch (RuntimeException | IOException e) {
            // parquet-java answers a file that is not Parquet (no PAR1 magic, a footer that is not one) with a
            // RuntimeException or an IOException whose message names the check that failed.
            throw new CsvItems.ReadFailure("The S3 object is not a Parquet file: " + message(e, file));
        }
    }

    /** The failure's message and its root cause's, without the temporary file's name (meaningless to a user). */
    private static String message(Throwable e, Path file) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String whole = root == e || root.getMessage() == null ? m : m + " (" + root.getMessage() + ")";
        return whole.replace("file:" + file, "the object").replace(file.toString(), "the object");
    }
}
