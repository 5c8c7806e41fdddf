package io.flowstate.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages whose functions run here as child processes, each with its bootstrap script (shipped as a
 * resource): the script loads the handler once, then answers invocations read from stdin, one JSON line each.
 */
enum Language {
    PYTHON(Pattern.compile("python3\\.(\\d+)"), "bootstrap.py"),
    NODE(Pattern.compile("nodejs(\\d+)\\.x"), "bootstrap.js");

    private final Pattern runtimes;
    private final String bootstrap;

    Language(Pattern runtimes, String bootstrap) {
        this.runtimes = runtimes;
        this.bootstrap = bootstrap;
    }

    /** The language of a Lambda runtime identifier such as {@code python3.12} or {@code nodejs20.x}. */
    static Optional<Language> of(String runtime) {
        for (Language l : values()) {
            if (l.runtimes.matcher(runtime).matches()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The bootstrap script's file name (for Python it must end in {@code /bootstrap.py}: see the script). */
    String bootstrapFile() {
        return bootstrap;
    }

    /**
     * The interpreters to try for {@code runtime}, most exact first: {@code python3.12} itself when the machine
     * has it, else the configured default ({@code python3}, {@code node}).
     */
    List<String> candidates(String runtime, String fallback) {
        Matcher m = runtimes.matcher(runtime);
        if (this == PYTHON && m.matches()) {
            return List.of("python3." + m.group(1), fallback);
        }
        return List.of(fallback);
    }

    /** The command line that starts the bootstrap with {@code interpreter}. */
    List<String> command(String interpreter, Path bootstrapDir) {
        String script = bootstrapDir.resolve(bootstrap).toString();
        return this == PYTHON ? List.of(interpreter, "-u", script) : List.of(interpreter, script);
    }
}
