package io.flowstate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code flowstate --version} prints: the project version, the git commit the jar was built from and when,
 * e.g. {@code flowstate 0.1.0-SNAPSHOT (commit 1a2b3c4, built 2026-12-07T19:00:00Z)}.
 *
 * <p>The values come from {@code build-info.properties}, written next to the classes by the build (the
 * {@code build-info} antrun execution in this module's pom). The commit is {@code unknown} when the sources were
 * not a git checkout (a source tarball) or git was missing, and ends in {@code -dirty} when tracked files had
 * uncommitted changes. Every field is {@code unknown} when the classes were not built by Maven (an IDE).
 */
public final class BuildInfo implements CommandLine.IVersionProvider {
    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION;
    /** The abbreviated git commit, {@code 1a2b3c4} or {@code 1a2b3c4-dirty}, or {@code unknown}. */
    public static final String COMMIT;
    /** The build time in UTC, ISO-8601 to the second, or {@code unknown}. */
    public static final String BUILT;

    static {
        Properties p = load();
        VERSION = value(p, "version");
        COMMIT = value(p, "commit");
        BUILT = value(p, "built");
    }

    /** The one line {@code --version} prints. */
    public static String line() {
        return "flowstate " + VERSION + " (commit " + COMMIT + ", built " + BUILT + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        // An unset Ant property stays as its placeholder; an empty one is as good as missing.
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }
}
