package io.flowstate.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs commands as a user's shell would, with an environment the test chooses. */
final class Shell {
    /** What a command did: its exit code, stdout and stderr. */
    record Result(int exit, String out, String err) {}

    private Shell() {}

    /** Runs {@code command} in {@code dir} with exactly {@code env}, and waits at most a minute for it. */
    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * A new directory standing for the whole of today's PATH less the commands named in {@code without}: one
     * symlink per command of each PATH directory, the first one found winning, as the shell would pick it. Not in
     * a JUnit temporary directory, whose clean-up warns about every link to a file outside it: remove it with
     * {@link #removeLinks}.
     */
    static Path pathWithout(List<String> without) throws IOException {
        Path into = Files.createTempDirectory("flowstate-dist-path");
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path dir = Path.of(entry.isEmpty() ? "." : entry);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(dir)) {
                for (Path command : (Iterable<Path>) commands::iterator) {
                    String name = command.getFileName().toString();
                    Path link = into.resolve(name);
                    if (!without.contains(name) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.isExecutable(command) && !Files.isDirectory(command)) {
                        Files.createSymbolicLink(link, command.toAbsolutePath());
                    }
                }
            }
        }
        return into;
    }

    /** Removes a directory made by {@link #pathWithout}: the links themselves, never what they point to. */
    static void removeLinks(Path dir) throws IOException {
        try (Stream<Path> links = Files.list(dir)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.delete(link);
            }
        }
        Files.delete(dir);
    }
}
