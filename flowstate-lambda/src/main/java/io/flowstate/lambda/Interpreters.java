package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds the interpreter a runtime runs on: the exact {@code python3.12} when the machine has a working one, else
 * the configured {@code python3} / {@code node}. A candidate counts only when it starts (a version-manager shim
 * on the PATH may exist and still fail), and each answer is kept, so a function's first invocation probes once.
 */
final class Interpreters {
    private static final long PROBE_SECONDS = 10;

    private final String python;
    private final String node;
    private final Map<String, Boolean> works = new ConcurrentHashMap<>();

    Interpreters(String python, String node) {
        this.python = requireNonNull(python, "python is null");
        this.node = requireNonNull(node, "node is null");
    }

    /** The interpreter for {@code runtime} of {@code language}, or empty when none of its candidates starts. */
    Optional<String> find(Language language, String runtime) {
        String fallback = language == Language.PYTHON ? python : node;
        return language.candidates(runtime, fallback).stream().filter(c -> starts(language, c)).findFirst();
    }

    /** A one-line description of what runs, for the server's start line. */
    String describe() {
        return "python3.x on " + version(Language.PYTHON, python) + ", nodejs on " + version(Language.NODE, node);
    }

    private boolean starts(Language language, String command) {
        return works.computeIfAbsent(command, c -> run(language, c).isPresent());
    }

    private static String version(Language language, String command) {
        return run(language, command).map(v -> command + " " + v).orElse(command + " (not found)");
    }

    private static Optional<String> run(Language language, String command) {
        String[] probe = language == Language.PYTHON
                ? new String[] {command, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"}
                : new String[] {command, "-e", "console.log(process.versions.node)"};
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
