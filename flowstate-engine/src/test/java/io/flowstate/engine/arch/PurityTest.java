package io.flowstate.engine.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture rule of DESIGN.md: the ASL module and the interpreter are pure. They may not touch the
 * database, the network, threads, the clock or sleep, so that a decision is a function of its inputs and a
 * testing clock can skip time. Checked on the sources, so it cannot be bypassed by a new class.
 */
class PurityTest {
    private static final List<String> FORBIDDEN = List.of("java.sql", "java.net", "Thread", "Instant.now(",
            "System.currentTimeMillis", "System.nanoTime", "Executor", "CompletableFuture", "Clock.system",
            "LocalDateTime.now(", "OffsetDateTime.now(", "java.io.File", "java.nio.file", "synchronized");

    @Test
    void sources_aslAndInterpreter_useNoIoThreadsOrClock() throws IOException {
        Path engine = Path.of("src/main/java/io/flowstate/engine/interp");
        Path asl = Path.of("../flowstate-asl/src/main/java");
        List<String> violations = new ArrayList<>();
        for (Path root : List.of(engine, asl)) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> check(p, violations));
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(Path file, List<String> violations) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                for (String f : FORBIDDEN) {
                    if (line.contains(f)) {
                        violations.add(file + ":" + (i + 1) + " uses " + f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
