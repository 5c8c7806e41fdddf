package io.flowstate.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV items as a Distributed Map's ItemReader makes them: one object per row, keyed by the header row
 * ({@code CSVHeaderLocation: FIRST_ROW}) or the given {@code CSVHeaders}; every value a string; a short row padded
 * with empty strings, a long one cut to the headers; empty lines skipped. Fields may be quoted with {@code "}
 * ({@code ""} inside for a quote), as RFC 4180 says. Rows are read from a stream one at a time ({@link CsvRows}).
 */
final class CsvItems {
    private CsvItems() {}

    /** The failure a reader reports, with AWS's message. */
    static final class ReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** The items of {@code text}, at most {@code maxItems} (0: all). */
    static ArrayNode parse(String text, char delimiter, Optional<List<String>> givenHeaders, long maxItems) {
        ItemSink sink = new ItemSink(maxItems <= 0 ? Long.MAX_VALUE : maxItems);
        try {
            read(new StringReader(text), delimiter, givenHeaders, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.items();
    }

    /** Reads rows from {@code in} into {@code sink} until the text ends or the sink is full. */
    static void read(Reader in, char delimiter, Optional<List<String>> givenHeaders, ItemSink sink) throws IOException {
        CsvRows rows = new CsvRows(in, delimiter);
        List<String> headers;
        if (givenHeaders.isPresent()) {
            headers = givenHeaders.get();
        } else {
            headers = rows.next();
            if (headers == null) {
                return;
            }
        }
        if (new HashSet<>(headers).size() != headers.size()) {
            throw new ReadFailure("CSV headers cannot contain duplicates.");
        }
        List<String> row;
        while (!sink.full() && (row = rows.next()) != null) {
            // AWS builds each item as a Java HashMap: its fields come out in that map's iteration order
            // (recorded: {"0","{}","True"} for the headers 0,True,{}).
            Map<String, String> fields = new HashMap<>();
            for (int h = 0; h < headers.size(); h++) {
                fields.put(headers.get(h), h < row.size() ? row.get(h) : "");
            }
            ObjectNode item = Json.object();
            fields.forEach(item::put);
            sink.add(item);
        }
    }
}
