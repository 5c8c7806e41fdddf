package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parquet rows as items: every type's JSON, nulls, row groups, codecs and files that are not Parquet. */
class ParquetItemsTest {
    @TempDir
    Path dir;

    static ArrayNode read(byte[] file, long limit) throws IOException {
        ItemSink sink = new ItemSink(limit);
        ParquetItems.read(new ByteArrayInputStream(file), sink);
        return sink.items();
    }

    @Test
    void read_everyColumnType_naturalJson() throws IOException {
        ArrayNode items = read(ParquetFiles.people(3), 10);

        assertThat(items.get(0).toString()).isEqualTo(("""
                {'id':0,'name':'person 0','active':true,'visits':10000000000,'score':0.5,'ratio':0.25,'price':12.30,\
                'big':12345678901234567890.1234,'born':'2000-01-01','seen':'2024-05-01T12:00:00Z',\
                'local':'2023-11-14T22:13:00','legacy':'2024-05-01T12:00:00.000000001Z',\
                'uid':'00000000-0000-0001-0000-000000000000','raw':'AQID',\
                'tags':['t0',null],'attrs':{'k':0},'address':{'city':'Lyon','zip':null}}""").replace('\'', '"'));
        assertThat(items.get(0).get("price").decimalValue()).isEqualByComparingTo("12.30");
        assertThat(items.get(0).get("big").isBigDecimal()).as("a DECIMAL(30,4) stays exact").isTrue();
        assertThat(items.get(1).get("seen").asText()).isEqualTo("2024-05-01T12:00:00.001Z");
    }

    /** A row whose optional columns are absent still has every column, as null. */
    @Test
    void read_nullColumns_presentAsNull() throws IOException {
        ArrayNode items = read(ParquetFiles.people(3), 10);

        assertThat(items.get(2).get("id").asInt()).isEqualTo(2);
        assertThat(items.get(2).size()).isEqualTo(ParquetFiles.PEOPLE.getFieldCount());
        assertThat(items.get(2).get("name").isNull()).isTrue();
        assertThat(items.get(2).get("tags").isNull()).isTrue();
        assertThat(items.get(2).get("address").isNull()).isTrue();
    }

    @Test
    void read_manyRowGroups_everyRowInOrder() throws IOException {
        byte[] file = ParquetFiles.people(500);
        assertThat(rowGroups(file)).as("row groups in the test file").isGreaterThan(3);

        ArrayNode items = read(file, Long.MAX_VALUE);

        assertThat(items).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(items.get(i).get("id").asInt()).isEqualTo(i);
        }
    }

    @Test
    void read_sinkFills_stopsThere() throws IOException {
        ArrayNode items = read(ParquetFiles.people(500), 7);

        assertThat(items).hasSize(7);
        assertThat(items.get(6).get("id").asInt()).isEqualTo(6);
    }

    /** The codecs parquet-java decodes with the libraries it brings; LZO and BROTLI need ones it does not. */
    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void read_codec_readsTheRows(CompressionCodecName codec) throws IOException {
        ArrayNode items = read(ParquetFiles.people(50, codec, 2048), Long.MAX_VALUE);

        assertThat(items).hasSize(50);
        assertThat(items.get(49).get("name").asText()).isEqualTo("person 49");
    }

    /** AWS documents GZIP, ZSTD and Snappy; the codecs that need libraries Flowstate does not bring are named. */
    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"LZO", "BROTLI", "LZ4"})
    void decompressor_codecWithoutAPureJavaDecoder_failsNamingIt(CompressionCodecName codec) {
        assertThatThrownBy(() -> new ParquetCodecs().getDecompressor(codec)).isInstanceOf(CsvItems.ReadFailure.class)
                .hasMessage("The Parquet object's pages are compressed with " + codec
                        + "; Flowstate reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW.");
    }

    @Test
    void read_notParquet_failsNamingTheProblem() {
        assertThatThrownBy(() -> read("id,name\n1,a\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 10))
                .isInstanceOf(CsvItems.ReadFailure.class)
                .hasMessageStartingWith("The S3 object is not a Parquet file: ")
                .hasMessageNotContaining("flowstate-items-");
    }

    /** A file cut short loses its footer; one whose pages are overwritten fails when they are decoded. */
    @Test
    void read_truncatedOrCorrupt_fails() {
        byte[] file = ParquetFiles.people(200);
        byte[] truncated = Arrays.copyOf(file, file.length / 2);
        byte[] corrupt = file.clone();
        Arrays.fill(corrupt, 4, file.length / 2, (byte) 0x7f);

        assertThatThrownBy(() -> read(truncated, 1000)).isInstanceOf(CsvItems.ReadFailure.class)
                .hasMessageStartingWith("The S3 object is not a Parquet file: ");
        assertThatThrownBy(() -> read(corrupt, 1000)).isInstanceOf(CsvItems.ReadFailure.class)
                .hasMessageStartingWith("The Parquet object could not be read: ");
    }

    /**
     * AWS's documented limits (256MB row groups, 5MB footers, 10 GB files) fail the read before any row; here they
     * are scaled down to the test file, whose row groups are about 2 KiB and whose footer is a few KiB.
     */
    @Test
    void read_pastALimit_failsNamingIt() {
        byte[] file = ParquetFiles.people(200);
        ItemSink sink = new ItemSink(1000);

        assertThatThrownBy(() -> ParquetItems.read(new ByteArrayInputStream(file), sink,
                new ParquetItems.Limits(file.length - 1, 1L << 30, 1L << 30)))
                .isInstanceOf(CsvItems.ReadFailure.class).hasMessageContaining("larger than " + (file.length - 1));
        assertThatThrownBy(() -> ParquetItems.read(new ByteArrayInputStream(file), sink,
                new ParquetItems.Limits(1L << 30, 1L << 30, 100)))
                .isInstanceOf(CsvItems.ReadFailure.class).hasMessageContaining("footer").hasMessageEndingWith(
                        "the most is 100.");
        assertThatThrownBy(() -> ParquetItems.read(new ByteArrayInputStream(file), sink,
                new ParquetItems.Limits(1L << 30, 500, 1L << 30)))
                .isInstanceOf(CsvItems.ReadFailure.class).hasMessageStartingWith("Row group 0 of the Parquet object is ");
        assertThat(sink.items()).isEmpty();
    }

    /** The temporary copy is deleted whether reading succeeds or fails. */
    @Test
    void read_anyOutcome_leavesNoTemporaryFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCopies(tmp);

        read(ParquetFiles.people(10), 10);
        assertThatThrownBy(() -> read(new byte[] {1, 2, 3}, 10)).isInstanceOf(CsvItems.ReadFailure.class);

        assertThat(countCopies(tmp)).isEqualTo(before);
    }

    private static long countCopies(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("flowstate-items-")).count();
        }
    }

    private int rowGroups(byte[] file) throws IOException {
        Path p = dir.resolve("count.parquet");
        Files.write(p, file);
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(p), ParquetItems.OPTIONS)) {
            return r.getRowGroups().size();
        }
    }
}
