package io.flowstate.integrations;

import static io.flowstate.integrations.ServiceIntegrationsTest.failure;
import static io.flowstate.integrations.ServiceIntegrationsTest.json;
import static io.flowstate.integrations.ServiceIntegrationsTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An ItemReader read in windows ({@code "Window": {"Start", "Size"}}, as the engine reads a Distributed Map's
 * items so that memory does not grow with the item count): for every source, windows of any size read in order
 * concatenate to the whole read, and More is false exactly on the last one. Runs on every {@code Buckets}.
 */
abstract class ItemWindowsContract extends ItemReadersContract {
    private static final String GET = "arn:aws:states:::s3:getObject";
    private static final String LIST = "arn:aws:states:::s3:listObjectsV2";

    private static String get(String bucket, String key) {
        return "{'Bucket':'" + bucket + "','Key':'" + key + "'}";
    }

    private static String lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"n\":" + i + "}\n").collect(Collectors.joining());
    }

    static TaskOutcome window(ItemReaders readers, String resource, String params, String config, long start,
            int size) {
        ObjectNode c = (ObjectNode) json(config);
        c.putObject("Window").put("Start", start).put("Size", size);
        return readers.read(IntegrationResource.parse(resource), json(params), c);
    }

    /**
     * Reads windows of each size in order, each with one reader, and checks they concatenate to the whole read:
     * every window but the last is full with More true, the last has More false. A fresh reader's window in the
     * middle, where no cursor is, gives the same items as the whole read there.
     */
    void assertWindowsEqualTheWholeRead(String resource, String params, String config, int... sizes) {
        JsonNode whole = success(read(resource, params, config));
        assertThat(whole).as("the whole read").isNotEmpty();
        for (int size : sizes) {
            try (ItemReaders readers = new ItemReaders(buckets())) {
                ArrayNode joined = Json.nodes().arrayNode();
                long start = 0;
                while (true) {
                    JsonNode w = success(window(readers, resource, params, config, start, size));
                    joined.addAll((ArrayNode) w.get("Items"));
                    if (!w.get("More").booleanValue()) {
                        break;
                    }
                    assertThat(w.get("Items")).as("a window followed by more is full").hasSize(size);
                    start += size;
                }
                assertThat(joined).as("windows of " + size).isEqualTo(whole);
            }
            try (ItemReaders fresh = new ItemReaders(buckets())) {
                int start = Math.min(size, whole.size() - 1);
                ArrayNode expected = Json.nodes().arrayNode();
                for (int i = start; i < Math.min(whole.size(), start + size); i++) {
                    expected.add(whole.get(i));
                }
                assertThat(success(window(fresh, resource, params, config, start, size)).get("Items"))
                        .as("a window of " + size + " at " + start + " where no cursor is").isEqualTo(expected);
            }
        }
    }

    @Test
    void readWindows_json_concatenateToTheWholeRead() {
        String b = bucket();
        buckets().put(b, "a.json", ("[" + IntStream.range(0, 7).mapToObj(i -> "{\"n\":" + i + "}")
                .collect(Collectors.joining(",")) + "]").getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "p.json", "{\"d\":{\"items\":[1,2,3,4,5]}}".getBytes(StandardCharsets.UTF_8));

        assertWindowsEqualTheWholeRead(GET, get(b, "a.json"), "{'InputType':'JSON'}", 1, 2, 3, 7, 100);
        assertWindowsEqualTheWholeRead(GET, get(b, "a.json"), "{'InputType':'JSON','MaxItems':5}", 1, 3, 5);
        assertWindowsEqualTheWholeRead(GET, get(b, "p.json"), "{'InputType':'JSON','ItemsPointer':'/d/items'}", 2, 4);
    }

    @Test
    void readWindows_jsonl_concatenateToTheWholeRead() {
        String b = bucket();
        buckets().put(b, "a.jsonl", lines(0, 10).getBytes(StandardCharsets.UTF_8));

        assertWindowsEqualTheWholeRead(GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 1, 3, 10, 11);
        assertWindowsEqualTheWholeRead(GET, get(b, "a.jsonl"), "{'InputType':'JSONL','MaxItems':8}", 3);
    }

    @Test
    void readWindows_csvFirstRowAndGivenHeaders_concatenateToTheWholeRead() {
        String b = bucket();
        buckets().put(b, "a.csv", "id;name\n1;a\n2;\"b;c\"\n\n3;d\n4;e\n5;f\n".getBytes(StandardCharsets.UTF_8));

        assertWindowsEqualTheWholeRead(GET, get(b, "a.csv"),
                "{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW','CSVDelimiter':'SEMICOLON'}", 1, 2, 5);
        assertWindowsEqualTheWholeRead(GET, get(b, "a.csv"), "{'InputType':'CSV','CSVHeaderLocation':'GIVEN',"
                + "'CSVHeaders':['x','y'],'CSVDelimiter':'SEMICOLON','MaxItems':4}", 3);
    }

    /** Parquet windows read on through the row groups; a window's end never falls on a row group's by design. */
    @Test
    void readWindows_parquet_concatenateToTheWholeRead() {
        String b = bucket();
        buckets().put(b, "a.parquet", ParquetFiles.people(120));

        assertWindowsEqualTheWholeRead(GET, get(b, "a.parquet"), "{'InputType':'PARQUET'}", 1, 7, 50, 120, 200);
        assertWindowsEqualTheWholeRead(GET, get(b, "a.parquet"), "{'InputType':'PARQUET','MaxItems':33}", 5, 33);
    }

    @Test
    void readWindows_inventoryAndAthenaManifests_concatenateToTheWholeRead() throws IOException {
        String b = bucket();
        buckets().put(b, "inv/1.csv.gz", gzip("\"src\",\"a\",\"1\"\n\"src\",\"b\",\"2\"\n\"src\",\"c\",\"3\"\n"));
        buckets().put(b, "inv/2.csv.gz", gzip("\"src\",\"d\",\"4\"\n\"src\",\"e\",\"5\"\n"));
        buckets().put(b, "inv/manifest.json", ("{\"destinationBucket\":\"arn:aws:s3:::" + b + "\",\"fileFormat\":"
                + "\"CSV\",\"fileSchema\":\"Bucket, Key, Size\",\"files\":[{\"key\":\"inv/1.csv.gz\"},"
                + "{\"key\":\"inv/2.csv.gz\"}]}").getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "unload/a", lines(0, 3).getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "unload/b", lines(3, 5).getBytes(StandardCharsets.UTF_8));
        buckets().put(b, "unload/manifest.csv", ("s3://" + b + "/unload/a\ns3://" + b + "/unload/b\n")
                .getBytes(StandardCharsets.UTF_8));

        assertWindowsEqualTheWholeRead(GET, get(b, "inv/manifest.json"), "{'InputType':'MANIFEST'}", 1, 2, 4);
        assertWindowsEqualTheWholeRead(GET, get(b, "unload/manifest.csv"),
                "{'ManifestType':'ATHENA_DATA','InputType':'JSONL'}", 2, 3);
    }

    @Test
    void readWindows_listObjectsV2OverPages_concatenateToTheWholeRead() {
        String b = bucket();
        for (int i = 0; i < 5; i++) {
            buckets().put(b, "in/" + i + ".jsonl", lines(i * 2, i * 2 + 2).getBytes(StandardCharsets.UTF_8));
        }

        assertWindowsEqualTheWholeRead(LIST, "{'Bucket':'" + b + "','Prefix':'in/','MaxKeys':2}", "{}", 1, 2, 3);
        assertWindowsEqualTheWholeRead(LIST, "{'Bucket':'" + b + "','MaxKeys':2}",
                "{'InputType':'JSONL','Transformation':'LOAD_AND_FLATTEN'}", 3, 4);
        assertWindowsEqualTheWholeRead(LIST, "{'Bucket':'" + b + "','MaxKeys':1}",
                "{'InputType':'JSONL','Transformation':'LOAD_AND_FLATTEN','MaxItems':7}", 3);
    }

    /** After a restart (or an evicted cursor) a window starts where no cursor is: it is read from the start. */
    @Test
    void readWindow_startNoCursorHolds_sameItemsFromAFreshReader() {
        String b = bucket();
        buckets().put(b, "a.jsonl", lines(0, 10).getBytes(StandardCharsets.UTF_8));

        try (ItemReaders fresh = new ItemReaders(buckets())) {
            JsonNode w = success(window(fresh, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 4, 3));

            assertThat(w).isEqualTo(json("{'Items':[{'n':4},{'n':5},{'n':6}],'More':true}"));
        }
    }

    /** More is false on the window that ends the sequence, even a full one; a window past the end is empty. */
    @Test
    void readWindow_lastItemsFillTheWindow_moreFalse() {
        String b = bucket();
        buckets().put(b, "a.jsonl", lines(0, 6).getBytes(StandardCharsets.UTF_8));

        try (ItemReaders readers = new ItemReaders(buckets())) {
            assertThat(success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 0, 3))
                    .get("More").booleanValue()).isTrue();
            assertThat(success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 3, 3)))
                    .isEqualTo(json("{'Items':[{'n':3},{'n':4},{'n':5}],'More':false}"));
            assertThat(success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL','MaxItems':3}", 0, 3)))
                    .isEqualTo(json("{'Items':[{'n':0},{'n':1},{'n':2}],'More':false}"));
            assertThat(success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 6, 3)))
                    .isEqualTo(json("{'Items':[],'More':false}"));
        }
    }

    /**
     * A reader's failure fails the window that reaches it, with the message the whole read fails with; the items
     * before it come in the windows before (a full window just before the failure still says More).
     */
    @Test
    void readWindow_readerFailsAfterSomeItems_failsTheWindowThatReachesIt() {
        String b = bucket();
        buckets().put(b, "bad.jsonl", (lines(0, 3) + "{broken\n").getBytes(StandardCharsets.UTF_8));
        String whole = failure(read(GET, get(b, "bad.jsonl"), "{'InputType':'JSONL'}")).cause().orElseThrow();

        ItemCursors cursors = ItemCursors.defaults();
        try (ItemReaders readers = new ItemReaders(buckets(), cursors)) {
            assertThat(success(window(readers, GET, get(b, "bad.jsonl"), "{'InputType':'JSONL'}", 0, 2)))
                    .isEqualTo(json("{'Items':[{'n':0},{'n':1}],'More':true}"));
            TaskOutcome.Failure f = failure(window(readers, GET, get(b, "bad.jsonl"), "{'InputType':'JSONL'}", 2, 2));

            assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
            assertThat(f.cause()).contains(whole).contains("A line of the S3 object is not valid JSON: {broken");
            assertThat(success(window(readers, GET, get(b, "bad.jsonl"), "{'InputType':'JSONL'}", 0, 3)))
                    .isEqualTo(json("{'Items':[{'n':0},{'n':1},{'n':2}],'More':true}"));
            assertThat(failure(window(readers, GET, get(b, "bad.jsonl"), "{'InputType':'JSONL'}", 3, 3)).cause())
                    .contains(whole);
            assertThat(cursors.kept()).as("failed cursors are closed").isEmpty();
        }
    }

    @Test
    void readWindow_invalidMaxItemsOrMissingObject_failsAsTheWholeReadDoes() {
        String b = bucket();

        try (ItemReaders readers = new ItemReaders(buckets())) {
            assertThat(failure(window(readers, GET, get(b, "a.json"), "{'MaxItems':-1}", 0, 1)).cause())
                    .contains("field MaxItems must be positive");
            assertThat(failure(window(readers, GET, get(b, "none.json"), "{}", 0, 1)).cause().orElseThrow())
                    .startsWith("The specified key does not exist.");
            assertThat(failure(window(readers, GET, get(b, "none.json"), "{}", -1, 1)).error())
                    .isEqualTo("States.ItemReaderFailed");
        }
    }

    /** Windows read in order continue one cursor: one open stream for the whole sequence. */
    @Test
    void readWindows_inOrder_continueOneCursor() {
        String b = bucket();
        buckets().put(b, "a.jsonl", lines(0, 10).getBytes(StandardCharsets.UTF_8));
        ItemCursors cursors = ItemCursors.defaults();

        try (ItemReaders readers = new ItemReaders(buckets(), cursors)) {
            success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 0, 2));
            ItemCursor first = cursors.kept().getFirst();
            success(window(readers, GET, get(b, "a.jsonl"), "{'InputType':'JSONL'}", 2, 2));

            assertThat(cursors.kept()).containsExactly(first);
        }
    }

    /**
     * A cursor nobody continues is closed once evicted (more cursors than kept) or idle: its producer, blocked on a
     * full queue of an object far longer than the queue, ends, and so does its stream; no thread leaks.
     */
    @Test
    void readWindows_cursorEvictedOrIdle_producerThreadStops() throws InterruptedException {
        String b = bucket();
        buckets().put(b, "big.jsonl", lines(0, 500).getBytes(StandardCharsets.UTF_8));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        ItemCursors cursors = new ItemCursors(2, Duration.ofMinutes(5), now::get, 4);
        ItemReaders readers = new ItemReaders(buckets(), cursors);

        try {
            success(window(readers, GET, get(b, "big.jsonl"), "{'InputType':'JSONL','MaxItems':100}", 0, 1));
            ItemCursor evicted = cursors.kept().getFirst();
            success(window(readers, GET, get(b, "big.jsonl"), "{'InputType':'JSONL','MaxItems':101}", 0, 1));
            success(window(readers, GET, get(b, "big.jsonl"), "{'InputType':'JSONL','MaxItems':102}", 0, 1));

            assertThat(evicted.awaitStopped(Duration.ofSeconds(10))).as("the evicted cursor's thread ended").isTrue();
            List<ItemCursor> idle = cursors.kept();
            assertThat(idle).hasSize(2).doesNotContain(evicted);

            now.set(now.get().plus(Duration.ofMinutes(6)));
            success(window(readers, GET, get(b, "big.jsonl"), "{'InputType':'JSONL','MaxItems':103}", 0, 1));

            for (ItemCursor c : idle) {
                assertThat(c.awaitStopped(Duration.ofSeconds(10))).as("an idle cursor's thread ended").isTrue();
            }
            ItemCursor last = cursors.kept().getFirst();
            readers.close();
            assertThat(last.awaitStopped(Duration.ofSeconds(10))).as("closing the reader closes its cursors").isTrue();
        } finally {
            cursors.close();
        }
    }
}
