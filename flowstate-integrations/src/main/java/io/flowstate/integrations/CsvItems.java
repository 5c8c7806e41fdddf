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
import java.util.LinkedHashMap;
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
        int[] order = hashMapOrder(headers);
        List<String> row;
        while (!sink.full() && (row = rows.next()) != null) {
            // Sized for its fields: a default map's 16-slot table would be most of a small row's heap, and a
            // Distributed Map holds every row it read.
            ObjectNode item = new ObjectNode(Json.nodes(), LinkedHashMap.newLinkedHashMap(order.length));
            for (int h : order) {
                item.put(headers.get(h), h < row.size() ? row.get(h) : "");
            }
            sink.add(item);
        }
    }

    /**
     * The header indexes in the iteration order of a Java HashMap holding the headers: AWS builds each item as such
     * a map, so its fields come out in that order (recorded: {"0","{}","True"} for the headers 0,True,{}). The order
     * depends only on the keys and the order they were put in, the same for every row, so it is computed once.
     */
    private static int[] hashMapOrder(List<String> headers) {
        Map<String, Integer> positions = new HashMap<>();
        for (int h = 0; h < headers.size(); h++) {
            positions.put(headers.get(h), h);
        }
        return positions.values().stream().mapToInt(Integer::intValue).toArray();
    }
}
