package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

/**
 * One place where the actual result differs from the recording.
 *
 * @param path where, in the dotted form of the compared document: {@code events[5].stateExitedEventDetails.output}
 * @param message what differs: {@code expected "a" got "b"}, {@code missing}, {@code unexpected field}
 */
public record Difference(String path, String message) {
    private static final int MAX_VALUE_LENGTH = 300;

    public Difference {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    static Difference mismatch(String path, Object expected, Object actual) {
        return new Difference(path, "expected " + shorten(expected) + " got " + shorten(actual));
    }

    /** A value as JSON text, cut to a readable length. */
    static String shorten(Object value) {
        String text = value instanceof com.fasterxml.jackson.databind.JsonNode node ? Json.write(node)
                : String.valueOf(value);
        return text.length() <= MAX_VALUE_LENGTH ? text
                : text.substring(0, MAX_VALUE_LENGTH) + "...(" + text.length() + " chars)";
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
