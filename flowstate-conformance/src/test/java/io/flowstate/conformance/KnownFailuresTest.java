package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownFailuresTest {

    @Test
    void read_linesWithComments_keepsOnlyIds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known-failures.txt");
        Files.writeString(file, "# header\n\nbase/a  # why\n  scenarios/b\n");

        assertThat(KnownFailures.read(file).ids()).containsExactlyInAnyOrder("base/a", "scenarios/b");
    }

    @Test
    void read_missingFile_isEmpty(@TempDir Path dir) {
        assertThat(KnownFailures.read(dir.resolve("none.txt")).ids()).isEmpty();
    }

    @Test
    void write_thenRead_roundTripsSorted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known-failures.txt");

        KnownFailures.write(file, List.of("z/1", "a/2"));

        assertThat(KnownFailures.read(file).ids()).containsExactlyInAnyOrder("a/2", "z/1");
        assertThat(Files.readString(file)).contains("a/2\nz/1\n").startsWith("#");
    }
}
