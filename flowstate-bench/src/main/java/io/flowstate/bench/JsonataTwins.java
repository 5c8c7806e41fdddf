package io.flowstate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSONata twins of shared workloads ({@code pass-chain-jsonata}, {@code choice-loop-jsonata}): the same shape
 * and the same expected output, with JSONata expressions ({@code Output}, {@code Condition}) instead of paths,
 * so the cost of a JSONata transition can be set against a JSONPath one. The peers have no twins; the driver
 * runs them only when asked by name ({@code --only}, {@code BENCH_WORKLOADS}).
 */
public final class JsonataTwins {
    /** The twins shipped with Flowstate. */
    public static final List<String> NAMES = List.of("pass-chain-jsonata", "choice-loop-jsonata");

    private static final String SUFFIX = "-jsonata";

    private JsonataTwins() {}

    static boolean isTwin(String name) {
        return NAMES.contains(name);
    }

    /** The shared workload a twin mirrors. */
    static String base(String twin) {
        return twin.substring(0, twin.length() - SUFFIX.length());
    }

    static String definition(String twin) {
        try (InputStream in = JsonataTwins.class.getResourceAsStream("/workloads/" + twin + ".asl.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource for " + twin);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
