package io.flowstate.testing.assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A golden file: an expected text kept beside the tests and re-recorded on request. Re-recording is asked
 * for by the system property {@code flowstate.golden.update=true} ({@code mvn test
 * -Dflowstate.golden.update=true}) or the environment variable {@code FLOWSTATE_GOLDEN_UPDATE=true}; the
 * changed files are then reviewed in the diff like code.
 */
final class GoldenFile {
    static final String PROPERTY = "flowstate.golden.update";
    static final String VARIABLE = "FLOWSTATE_GOLDEN_UPDATE";

    private GoldenFile() {}

    /** Whether golden files are being re-recorded. */
    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY))
                || Boolean.parseBoolean(Optional.ofNullable(System.getenv(VARIABLE)).orElse("false"));
    }

    /** The file's text, if it exists. */
    static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }

    /** Writes {@code text} to the file, creating its folders. */
    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write golden file " + file, e);
        }
    }
}
