package io.flowstate.integrations;

import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.decimalType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.listType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.mapType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.uuidType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Writes the Parquet files the reader tests read, with parquet-java's own writer (no binary file is checked in):
 * {@link #people} has a column of each common type, nulls, a list, a map and a struct, and many row groups.
 */
final class ParquetFiles {
    /** The schema of {@link #people}. */
    static final MessageType PEOPLE = Types.buildMessage()
            .required(INT32).named("id")
            .optional(BINARY).as(stringType()).named("name")
            .optional(BOOLEAN).named("active")
            .optional(INT64).named("visits")
            .optional(DOUBLE).named("score")
            .optional(FLOAT).named("ratio")
            .optional(INT32).as(decimalType(2, 9)).named("price")
            .optional(FIXED_LEN_BYTE_ARRAY).length(16).as(decimalType(4, 30)).named("big")
            .optional(INT32).as(dateType()).named("born")
            .optional(INT64).as(timestampType(true, TimeUnit.MILLIS)).named("seen")
            .optional(INT64).as(timestampType(false, TimeUnit.MICROS)).named("local")
            .optional(INT96).named("legacy")
            .optional(FIXED_LEN_BYTE_ARRAY).length(16).as(uuidType()).named("uid")
            .optional(BINARY).named("raw")
            .optionalGroup().as(listType())
                .repeatedGroup().optional(BINARY).as(stringType()).named("element").named("list")
                .named("tags")
            .optionalGroup().as(mapType())
                .repeatedGroup().required(BINARY).as(stringType()).named("key").optional(INT32).named("value")
                .named("key_value")
                .named("attrs")
            .optionalGroup().optional(BINARY).as(stringType()).named("city").optional(INT32).named("zip")
                .named("address")
            .named("person");

    private ParquetFiles() {}

    /**
     * {@code rows} people with ids 0..rows-1; every third has only its id (the other columns null), and row
     * groups hold about {@code rowGroupBytes} each (parquet checks the size every few rows, so small files with a
     * small size get several groups).
     */
    static byte[] people(int rows, CompressionCodecName codec, int rowGroupBytes) {
        try {
            Path dir = Files.createTempDirectory("parquet-test");
            Path file = dir.resolve("people.parquet");
            SimpleGroupFactory f = new SimpleGroupFactory(PEOPLE);
            try (ParquetWriter<Group> w = builder(new LocalOutputFile(file)).withType(PEOPLE)
                    .withCompressionCodec(codec)
                    .withCodecFactory(new ParquetTestCodecs())
                    .withRowGroupSize((long) rowGroupBytes).withPageSize(1024).withDictionaryPageSize(1024)
                    .withMinRowCountForPageSizeCheck(5).withMaxRowCountForPageSizeCheck(5)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
                for (int i = 0; i < rows; i++) {
                    w.write(person(f, i));
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #people} of {@code rows} with SNAPPY and row groups of about 2 KiB. */
    static byte[] people(int rows) {
        return people(rows, CompressionCodecName.SNAPPY, 2048);
    }

    /**
     * {@code ExampleParquetWriter.builder(OutputFile)} with a Hadoop-free configuration (and, set by the caller,
     * codecs: the writer's defaults are Hadoop's). Both methods have overloads over Hadoop types, which javac would
     * need on the class path to choose between; method handles pick them without, so these tests run with no Hadoop
     * class at all, as Flowstate does.
     */
    private static ExampleParquetWriter.Builder builder(OutputFile out) {
        // Method handles, not Class.getMethod: that resolves every method's signature, Hadoop's types included.
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            ExampleParquetWriter.Builder b = (ExampleParquetWriter.Builder) lookup.findStatic(
                    ExampleParquetWriter.class, "builder",
                    MethodType.methodType(ExampleParquetWriter.Builder.class, OutputFile.class)).invoke(out);
            lookup.findVirtual(ParquetWriter.Builder.class, "withConf",
                    MethodType.methodType(ParquetWriter.Builder.class, ParquetConfiguration.class))
                    .invoke(b, new PlainParquetConfiguration());
            return b;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Group person(SimpleGroupFactory f, int i) {
        Group g = f.newGroup().append("id", i);
        if (i % 3 == 2) {
            return g;
        }
        g.append("name", "person " + i).append("active", i % 2 == 0).append("visits", 10_000_000_000L + i)
                .append("score", i + 0.5).append("ratio", 0.25f).append("price", 1230 + i)
                .append("big", fixed16(new BigDecimal("12345678901234567890.1234").unscaledValue().toByteArray()))
                .append("born", (int) LocalDate.of(2000, 1, 1).plusDays(i).toEpochDay())
                .append("seen", Instant.parse("2024-05-01T12:00:00Z").toEpochMilli() + i)
                .append("local", 1_699_999_980_000_000L)
                .append("legacy", int96(Instant.parse("2024-05-01T12:00:00.000000001Z")))
                .append("uid", Binary.fromConstantByteArray(uuid(new UUID(1, i))))
                .append("raw", Binary.fromConstantByteArray(new byte[] {1, 2, 3}));
        Group tags = g.addGroup("tags");
        tags.addGroup("list").append("element", "t" + i);
        tags.addGroup("list");
        Group attrs = g.addGroup("attrs");
        attrs.addGroup("key_value").append("key", "k").append("value", i);
        g.addGroup("address").append("city", "Lyon");
        return g;
    }

    private static Binary fixed16(byte[] twosComplement) {
        byte[] out = new byte[16];
        byte fill = (byte) (twosComplement[0] < 0 ? -1 : 0);
        for (int k = 0; k < 16 - twosComplement.length; k++) {
            out[k] = fill;
        }
        System.arraycopy(twosComplement, 0, out, 16 - twosComplement.length, twosComplement.length);
        return Binary.fromConstantByteArray(out);
    }

    private static byte[] uuid(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private static Binary int96(Instant at) {
        long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
        long nanos = Math.floorMod(at.getEpochSecond(), 86_400L) * 1_000_000_000L + at.getNano();
        ByteBuffer b = ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanos).putInt((int) (day + 2_440_588L));
        return Binary.fromConstantByteArray(b.array());
    }
}
