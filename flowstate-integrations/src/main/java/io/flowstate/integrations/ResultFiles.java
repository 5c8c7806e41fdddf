package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The result files of one status ({@code SUCCEEDED_0.json}, {@code SUCCEEDED_1.json}, ..., numbered from
 * {@code firstIndex}, so that a run written in parts continues the numbering of the files written before): records
 * are added in order and a file is cut before it would outgrow {@code maxBytes} (5 GB on AWS); a record larger than
 * that gets a file of its own. {@code OutputType} JSON writes each file as one JSON array, JSONL as one record per
 * line (each line ending in a line break).
 */
final class ResultFiles {
    private final String folder;
    private final String status;
    private final int firstIndex;
    private final boolean jsonl;
    private final long maxBytes;
    private final BiConsumer<String, byte[]> put;
    private final ArrayNode written = Json.nodes().arrayNode();
    private final List<byte[]> pending = new ArrayList<>();
    private long size;

    /** {@code put} writes one file: its key and bytes. */
    ResultFiles(String folder, String status, int firstIndex, boolean jsonl, long maxBytes,
            BiConsumer<String, byte[]> put) {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("firstIndex must be >= 0: " + firstIndex);
        }
        this.folder = folder;
        this.status = status;
        this.firstIndex = firstIndex;
        this.jsonl = jsonl;
        this.maxBytes = maxBytes;
        this.put = put;
    }

    void add(JsonNode record) {
        byte[] bytes = Json.write(record).getBytes(StandardCharsets.UTF_8);
        // A JSONL record ends with a line break; JSON's records are separated by ',' inside brackets.
        long grown = size + bytes.length + (jsonl || !pending.isEmpty() ? 1 : 2);
        if (!pending.isEmpty() && grown > maxBytes) {
            flush();
            grown = bytes.length + (jsonl ? 1 : 2);
        }
        pending.add(bytes);
        size = grown;
    }

    /** Writes what is left; the manifest's entries ({@code Key}, {@code Size}) of every file this object wrote. */
    ArrayNode finish() {
        if (!pending.isEmpty()) {
            flush();
        }
        return written;
    }

    private void flush() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
        if (!jsonl) {
            out.write('[');
        }
        for (int i = 0; i < pending.size(); i++) {
            if (i > 0 && !jsonl) {
                out.write(',');
            }
            out.writeBytes(pending.get(i));
            if (jsonl) {
                out.write('\n');
            }
        }
        if (!jsonl) {
            out.write(']');
        }
        String key = folder + status + "_" + (firstIndex + written.size()) + ".json";
        byte[] body = out.toByteArray();
        put.accept(key, body);
        written.addObject().put("Key", key).put("Size", body.length);
        pending.clear();
        size = 0;
    }
}
