package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

/** How long a Wait state waits: a number of seconds, or until a timestamp. */
public sealed interface WaitSpec {
    /** {@code Seconds} / {@code SecondsPath}. */
    record Seconds(IntSource seconds) implements WaitSpec {
        public Seconds {
            requireNonNull(seconds, "seconds is null");
        }
    }

    /** {@code Timestamp} / {@code TimestampPath}. */
    record Timestamp(TextSource timestamp) implements WaitSpec {
        public Timestamp {
            requireNonNull(timestamp, "timestamp is null");
        }
    }
}
