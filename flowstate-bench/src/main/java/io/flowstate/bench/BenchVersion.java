package io.flowstate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Flowstate version printed in result lines, from {@code bench.properties} (filtered by Maven). */
public final class BenchVersion {
    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unfiltered sources. */
    public static final String VERSION = load();

    private BenchVersion() {}

    private static String load() {
        try (InputStream in = BenchVersion.class.getResourceAsStream("bench.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // an IDE build that skips Maven filtering leaves the placeholder in place
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
