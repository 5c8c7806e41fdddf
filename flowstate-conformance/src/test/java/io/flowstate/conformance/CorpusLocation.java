package io.flowstate.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the corpus is: the system property {@code flowstate.conformance.dir}, else {@code ../shared/conformance}
 * beside the repository root (that is {@code ../../shared/conformance} from this module). The corpus is read
 * in place, never copied into the project.
 */
public final class CorpusLocation {
    public static final String PROPERTY = "flowstate.conformance.dir";

    private CorpusLocation() {}

    /** The corpus directory, when it exists and holds a manifest. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        Path candidate = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : moduleDir().resolve("../../shared/conformance");
        Path normalised = candidate.toAbsolutePath().normalize();
        return Files.isRegularFile(normalised.resolve("manifest.json")) ? Optional.of(normalised) : Optional.empty();
    }

    /** Where the corpus was looked for, for the skip message. */
    public static String describe() {
        String configured = System.getProperty(PROPERTY);
        return configured != null ? configured + " (from -D" + PROPERTY + ")"
                : moduleDir().resolve("../../shared/conformance").toAbsolutePath().normalize()
                        + " (override with -D" + PROPERTY + "=<dir>)";
    }

    /** This module's directory; surefire passes it, and runs the tests there. */
    public static Path moduleDir() {
        String dir = System.getProperty("flowstate.conformance.moduleDir");
        return Path.of(dir != null ? dir : "").toAbsolutePath();
    }
}
