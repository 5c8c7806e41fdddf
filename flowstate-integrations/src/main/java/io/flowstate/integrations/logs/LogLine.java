package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One log event to write: its time and its message. */
public record LogLine(Instant timestamp, String message) {
    public LogLine {
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(message, "message is null");
    }
}
