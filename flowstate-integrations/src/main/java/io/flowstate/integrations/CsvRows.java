package io.flowstate.integrations;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of CSV text read one at a time from a stream, by the rules AWS documents for a Distributed Map's
 * reader ("How Step Functions parses input CSV files"): fields split at {@code delimiter}; a field quoted with
 * {@code "} keeps delimiters and line breaks; a doubled quote stands for one quote, inside quotes or not
 * ({@code {""MyKey"":""MyValue""}} reads {@code {"MyKey":"MyValue"}}); a backslash escapes a backslash, a quote or
 * the delimiter, and before anything else is dropped; lines end in LF, CRLF or CR; empty lines are skipped.
 */
final class CsvRows {
    private final Reader in;
    private final char delimiter;
    private int peeked = -2;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;

    CsvRows(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next row, or null at the end. */
    List<String> next() throws IOException {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = read()) != -1) {
            if (c == '\\') {
                int next = peek();
                if (next == '\\' || next == '"' || next == delimiter) {
                    field.append((char) read());
                }
                any = true; // a lone backslash is dropped; what follows it is read as usual
            } else if (c == '"' && peek() == '"' && (quoted || !field.isEmpty())) {
                field.append('"');
                read();
            } else if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (any || !field.isEmpty()) {
                    row.add(field.toString());
                    return row;
                }
            } else {
                field.append((char) c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            row.add(field.toString());
            return row;
        }
        return null;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return nextChar();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = nextChar();
        }
        return peeked;
    }

    /**
     * The next character from a buffer of this reader's own: a {@code BufferedReader}'s {@code read()} takes a lock
     * for each character, which was most of the time a million-row object took to read.
     */
    private int nextChar() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }
}
