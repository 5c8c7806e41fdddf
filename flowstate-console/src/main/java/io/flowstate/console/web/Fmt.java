package io.flowstate.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How times and durations read on the pages: UTC to the millisecond, durations in the largest fitting units. */
final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {}

    /** {@code t} in UTC, e.g. {@code 2026-01-02 03:04:05.678Z}. */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** {@code t} in UTC, or a dash when absent. */
    public static String time(Optional<Instant> t) {
        return t.map(Fmt::time).orElse("\u2013");
    }

    /** The time from {@code start} to {@code stop}, or to {@code now} while it runs. */
    public static String duration(Instant start, Optional<Instant> stop, Instant now) {
        Duration d = Duration.between(start, stop.orElse(now));
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
