package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked-in list of cases expected to fail ({@code known-failures.txt}: one case id a line, {@code #}
 * starts a comment). The list may only shrink: an unlisted case that fails breaks the build, and so does a
 * listed case that passes (its line must go). {@code -Dflowstate.conformance.record=true} rewrites the file
 * with the current failures.
 */
public record KnownFailures(Set<String> ids) {
    public static final String RECORD_PROPERTY = "flowstate.conformance.record";

    public KnownFailures {
        ids = Set.copyOf(ids);
    }

    public static Path defaultFile() {
        return CorpusLocation.moduleDir().resolve("known-failures.txt");
    }

    /** Reads the list; a missing file is an empty list. */
    public static KnownFailures read(Path file) {
        if (!Files.exists(file)) {
            return new KnownFailures(Set.of());
        }
        try {
            Set<String> ids = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                int comment = line.indexOf('#');
                String id = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            return new KnownFailures(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** Writes {@code failing} as the new list, sorted, with a header saying how to regenerate it. */
    public static void write(Path file, Collection<String> failing) {
        requireNonNull(failing, "failing is null");
        StringBuilder text = new StringBuilder()
                .append("# Conformance cases that fail today. This list may only shrink: the build fails when an\n")
                .append("# unlisted case fails and when a listed case passes. Regenerate with\n")
                .append("#   mvn -B test -pl flowstate-conformance -Dflowstate.conformance.record=true\n");
        new TreeSet<>(failing).forEach(id -> text.append(id).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static boolean recording() {
        return Boolean.getBoolean(RECORD_PROPERTY);
    }
}
