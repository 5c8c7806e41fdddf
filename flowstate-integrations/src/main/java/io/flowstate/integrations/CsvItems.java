package io.flowstate.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * CSV items as a Distributed Map's ItemReader makes them: one object per row, keyed by the header row
 * ({@code CSVHeaderLocation: FIRST_ROW}) or the given {@code CSVHeaders}; every value a string; a short row padded
 * with empty strings, a long one cut to the headers; empty lines skipped. Fields may be quoted with {@code "}
 * ({@code ""} inside for a quote), as RFC 4180 says.
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

    static ArrayNode parse(String text, char delimiter, Optional<List<String>> givenHeaders, long maxItems) {
        List<List<String>> rows = rows(text, delimiter);
        List<String> headers;
        int first = 0;
        if (givenHeaders.isPresent()) {
            headers = givenHeaders.get();
        } else {
            if (rows.isEmpty()) {
                return Json.nodes().arrayNode();
            }
            headers = rows.get(0);
            first = 1;
        }
        if (new HashSet<>(headers).size() != headers.size()) {
            throw new ReadFailure("CSV headers cannot contain duplicates.");
        }
        ArrayNode items = Json.nodes().arrayNode();
        for (int i = first; i < rows.size() && (maxItems <= 0 || items.size() < maxItems); i++) {
            List<String> row = rows.get(i);
            // AWS builds each item as a Java HashMap: its fields come out in that map's iteration order
            // (recorded: {"0","{}","True"} for the headers 0,True,{}).
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            for (int h = 0; h < headers.size(); h++) {
                fields.put(headers.get(h), h < row.size() ? row.get(h) : "");
            }
            ObjectNode item = items.addObject();
            fields.forEach(item::put);
        }
        return items;
    }

    private static List<List<String>> rows(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
