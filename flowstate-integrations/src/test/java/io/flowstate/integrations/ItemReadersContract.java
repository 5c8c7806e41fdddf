package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.Buckets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Distributed Map's ItemReader over any {@link Buckets}: every input AWS documents on "ItemReader (Map)"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html). Each implementation
 * extends this and says how a bucket is made.
 */
abstract class ItemReadersContract {
    abstract Buckets buckets();

    abstract void createBucket(String name);

    /** A fresh bucket for one test. */
    String bucket() {
        String name = "items-" + UUID.randomUUID().toString().substring(0, 8);
        createBucket(name);
        return name;
    }

    TaskOutcome read(String resource, String params, String config) {
        return new ItemReaders(buckets()).read(IntegrationResource.parse(resource), json(params), json(config));
    }

    private static String get(String bucket, String key) {
        return "{'Bucket':'" + bucket + "','Key':'" + key + "'}";
    }

    @Test
    void getObjectJson_maxItems_readsOnlyTheFirstItems() {
        String b = bucket();
        buckets().put(b, "list.json", "[{\"n\":1},{\"n\":2},{\"n\":3}]".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "list.json"), "{'InputType':'JSON','MaxItems':2}")))
                .isEqualTo(json("[{'n':1},{'n':2}]"));
    }

    /**
     * Items stream from the object and reading stops at MaxItems: what follows the items read is never parsed
     * (here it is not even JSON), so a huge object costs only what is read of it.
     */
    @Test
    void getObjectJsonAndJsonl_maxItemsReached_stopsBeforeTheRestOfTheObject() {
        String b = bucket();
        buckets().put(b, "big.json", "[{\"n\":1},{\"n\":2},{broken".getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "big.jsonl", "{\"n\":1}\n{broken\n".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "big.json"), "{'InputType':'JSON','MaxItems':2}")))
                .isEqualTo(json("[{'n':1},{'n':2}]"));
        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "big.jsonl"), "{'InputType':'JSONL','MaxItems':1}")))
                .isEqualTo(json("[{'n':1}]"));
    }

    /** ItemsPointer, a JSON Pointer, selects the array nested in the object. */
    @Test
    void getObjectJson_itemsPointer_mapsOverTheNestedArray() {
        String b = bucket();
        buckets().put(b, "doc.json", "{\"data\":{\"items\":[\"a\",\"b\"]}}".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "doc.json"),
                "{'InputType':'JSON','ItemsPointer':'/data/items'}"))).isEqualTo(json("['a','b']"));
    }

    /**
     * ItemsPointer streams too: the values beside the path are skipped unread, an array element on the path is found
     * by index, and reading stops at MaxItems before the rest of the document (here not even JSON).
     */
    @Test
    void getObjectJson_itemsPointerPastSiblings_streamsTheNestedArray() {
        String b = bucket();
        buckets().put(b, "doc.json", ("{\"meta\":{\"items\":[0],\"x\":[{}]},\"d\":[{\"items\":[9]},"
                + "{\"n\":1,\"items\":[1,2,3]}],\"z\":{broken").getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "doc.json"),
                "{'InputType':'JSON','ItemsPointer':'/d/1/items','MaxItems':2}"))).isEqualTo(json("[1,2]"));
        assertThat(failure(read("arn:aws:states:::s3:getObject", get(b, "doc.json"),
                "{'InputType':'JSON','ItemsPointer':'/d/2/items'}")).cause())
                .contains("Attempting to map over non-iterable node.");
        assertThat(failure(read("arn:aws:states:::s3:getObject", get(b, "doc.json"),
                "{'InputType':'JSON','ItemsPointer':'/meta/x/0'}")).cause())
                .contains("Attempting to map over non-iterable node.");
    }

    /** Recorded on AWS: map_item_reader_json_no_json_list_object. */
    @Test
    void getObjectJson_notAnArray_failsAsNonIterable() {
        String b = bucket();
        buckets().put(b, "doc.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        TaskOutcome.Failure f = failure(read("arn:aws:states:::s3:getObject", get(b, "doc.json"), "{'InputType':'JSON'}"));

        assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(f.cause()).contains("Attempting to map over non-iterable node.");
    }

    @Test
    void getObjectJsonl_blankLines_oneItemPerLine() {
        String b = bucket();
        buckets().put(b, "lines.jsonl", "{\"n\":1}\n\n{\"n\":2}\r\n[3]\n".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "lines.jsonl"), "{'InputType':'JSONL'}")))
                .isEqualTo(json("[{'n':1},{'n':2},[3]]"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "/", value = {"COMMA/,", "PIPE/|", "SEMICOLON/;", "SPACE/' '", "TAB/'\t'"})
    void getObjectCsv_everyDocumentedDelimiter_splitsFieldsAtIt(String name, String delimiter) {
        String b = bucket();
        String csv = "id" + delimiter + "name\n1" + delimiter + "\"x" + delimiter + "y\"\n";
        buckets().put(b, "rows.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "rows.csv"),
                "{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW','CSVDelimiter':'" + name + "'}")))
                .isEqualTo(Json.nodes().arrayNode().add(Json.object().put("id", "1").put("name", "x" + delimiter + "y")));
    }

    @Test
    void getObjectCsv_givenHeaders_firstRowIsAnItem() {
        String b = bucket();
        buckets().put(b, "rows.csv", "1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "rows.csv"),
                "{'InputType':'CSV','CSVHeaderLocation':'GIVEN','CSVHeaders':['n','s'],'MaxItems':1}")))
                .isEqualTo(json("[{'n':'1','s':'a'}]"));
    }

    /** An S3 Inventory: manifest.json names gzipped CSV files; the items are keyed by its fileSchema. */
    @Test
    void getObjectManifest_s3Inventory_itemsFromTheGzippedCsvFiles() throws IOException {
        String b = bucket();
        buckets().put(b, "inv/data/1.csv.gz", gzip("\"src\",\"csvDataset/\",\"0\",\"2022-11-16T00:27:19.000Z\"\n"
                + "\"src\",\"csvDataset/titles.csv\",\"3399671\",\"2022-11-16T00:29:32.000Z\"\n"));
        buckets().put(b, "inv/manifest.json", ("{\"sourceBucket\":\"src\",\"destinationBucket\":\"arn:aws:s3:::" + b
                + "\",\"version\":\"2016-11-30\",\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, Size, "
                + "LastModifiedDate\",\"files\":[{\"key\":\"inv/data/1.csv.gz\",\"size\":1,\"MD5checksum\":\"x\"}]}")
                .getBytes(StandardCharsets.UTF_8));

        TaskOutcome out = read("arn:aws:states:::s3:getObject", get(b, "inv/manifest.json"), "{'InputType':'MANIFEST'}");

        assertThat(success(out).get(1).toString()).isEqualTo("{\"LastModifiedDate\":\"2022-11-16T00:29:32.000Z\","
                + "\"Bucket\":\"src\",\"Size\":\"3399671\",\"Key\":\"csvDataset/titles.csv\"}");
        assertThat(success(out)).hasSize(2);
    }

    /** An Athena UNLOAD manifest lists s3:// data files, read as InputType says. */
    @Test
    void getObjectAthenaManifest_jsonlFiles_itemsOfEveryListedFile() throws IOException {
        String b = bucket();
        buckets().put(b, "unload/a.gz", gzip("{\"n\":1}\n{\"n\":2}\n"));
        buckets().put(b, "unload/b", "{\"n\":3}\n".getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "unload/manifest.csv", ("s3://" + b + "/unload/a.gz\ns3://" + b + "/unload/b\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:getObject", get(b, "unload/manifest.csv"),
                "{'ManifestType':'ATHENA_DATA','InputType':'JSONL'}"))).isEqualTo(json("[{'n':1},{'n':2},{'n':3}]"));
    }

    @Test
    void listObjectsV2_pagesOfOneWithPrefix_readsEveryPage() {
        String b = bucket();
        for (String k : new String[] {"in/a.txt", "in/b.txt", "in/c.txt", "other.txt"}) {
            buckets().put(b, k, "hello".getBytes(StandardCharsets.UTF_8));
        }

        var items = success(read("arn:aws:states:::s3:listObjectsV2",
                "{'Bucket':'" + b + "','Prefix':'in/','MaxKeys':1}", "{}"));

        assertThat(items).hasSize(3);
        assertThat(items.get(2).path("Key").asText()).isEqualTo("in/c.txt");
        assertThat(items.get(0).path("Etag").asText()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(items.get(0).path("Size").asLong()).isEqualTo(5);
        assertThat(items.get(0).path("LastModified").isIntegralNumber()).as("epoch seconds").isTrue();
        assertThat(items.get(0).path("StorageClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void listObjectsV2_loadAndFlatten_readsTheItemsInsideEachObject() {
        String b = bucket();
        buckets().put(b, "data/1.jsonl", "{\"n\":1}\n{\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "data/2.jsonl", "{\"n\":3}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(success(read("arn:aws:states:::s3:listObjectsV2", "{'Bucket':'" + b + "','Prefix':'data/'}",
                "{'InputType':'JSONL','Transformation':'LOAD_AND_FLATTEN','MaxItems':2}")))
                .isEqualTo(json("[{'n':1},{'n':2}]"));
    }

    /** A Parquet object: one item per row, keyed by column, in order across its row groups. */
    @Test
    void getObjectParquet_manyRowGroups_oneItemPerRow() {
        String b = bucket();
        buckets().put(b, "people.parquet", ParquetFiles.people(300));

        var items = success(read("arn:aws:states:::s3:getObject", get(b, "people.parquet"), "{'InputType':'PARQUET'}"));

        assertThat(items).hasSize(300);
        assertThat(items.get(299).path("id").asInt()).isEqualTo(299);
        assertThat(items.get(0).path("name").asText()).isEqualTo("person 0");
        assertThat(items.get(0).path("born").asText()).isEqualTo("2000-01-01");
        assertThat(items.get(2).path("name").isNull()).as("a null column").isTrue();
    }

    @Test
    void getObjectParquet_maxItems_readsOnlyTheFirstRows() {
        String b = bucket();
        buckets().put(b, "people.parquet", ParquetFiles.people(300));

        var items = success(read("arn:aws:states:::s3:getObject", get(b, "people.parquet"),
                "{'InputType':'PARQUET','MaxItems':4}"));

        assertThat(items).hasSize(4);
        assertThat(items.get(3).path("id").asInt()).isEqualTo(3);
    }

    @Test
    void getObjectParquet_notParquet_failsAsItemReaderFailed() {
        String b = bucket();
        buckets().put(b, "rows.csv", "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8));

        TaskOutcome.Failure f = failure(read("arn:aws:states:::s3:getObject", get(b, "rows.csv"),
                "{'InputType':'PARQUET'}"));

        assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(f.cause().orElseThrow()).startsWith("The S3 object is not a Parquet file: ");
    }

    /** "ItemReader (Map)": "The VersionId field is not supported for InputType=Parquet." */
    @Test
    void getObjectParquet_versionId_failsAsNotSupported() {
        String b = bucket();
        buckets().put(b, "people.parquet", ParquetFiles.people(3));

        TaskOutcome.Failure f = failure(read("arn:aws:states:::s3:getObject",
                "{'Bucket':'" + b + "','Key':'people.parquet','VersionId':'v1'}", "{'InputType':'PARQUET'}"));

        assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(f.cause().orElseThrow()).isEqualTo("The VersionId field is not supported for InputType PARQUET.");
    }

    /** LOAD_AND_FLATTEN reads every listed Parquet object's rows, object after object. */
    @Test
    void listObjectsV2_loadAndFlattenParquet_rowsOfEveryObject() {
        String b = bucket();
        buckets().put(b, "data/1.parquet", ParquetFiles.people(5));
        buckets().put(b, "data/2.parquet", ParquetFiles.people(3));

        var items = success(read("arn:aws:states:::s3:listObjectsV2", "{'Bucket':'" + b + "','Prefix':'data/'}",
                "{'InputType':'PARQUET','Transformation':'LOAD_AND_FLATTEN'}"));

        assertThat(items).hasSize(8);
        assertThat(items.get(5).path("id").asInt()).as("the second object's first row").isEqualTo(0);
    }

    /** An Athena UNLOAD to Parquet: the manifest lists the Parquet files, read with InputType PARQUET. */
    @Test
    void getObjectAthenaManifest_parquetFiles_rowsOfEveryListedFile() {
        String b = bucket();
        buckets().put(b, "unload/a", ParquetFiles.people(4));
        buckets().put(b, "unload/b", ParquetFiles.people(2));
        buckets().put(b, "unload/manifest.csv", ("s3://" + b + "/unload/a\ns3://" + b + "/unload/b\n")
                .getBytes(StandardCharsets.UTF_8));

        var items = success(read("arn:aws:states:::s3:getObject", get(b, "unload/manifest.csv"),
                "{'ManifestType':'ATHENA_DATA','InputType':'PARQUET','MaxItems':5}"));

        assertThat(items).hasSize(5);
        assertThat(items.get(4).path("id").asInt()).isEqualTo(0);
    }

    @Test
    void getObject_noSuchKey_failsAsItemReaderFailedWithS3sMessage() {
        String b = bucket();

        TaskOutcome.Failure f = failure(read("arn:aws:states:::s3:getObject", get(b, "none.json"), "{}"));

        assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(f.cause().orElseThrow()).startsWith("The specified key does not exist.");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
