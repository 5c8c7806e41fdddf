package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.expr.Path;

/**
 * A whole number given literally, through a JSONPath ({@code ...Path} fields), or as a JSONata expression:
 * TimeoutSeconds, HeartbeatSeconds, Wait Seconds, MaxConcurrency, ToleratedFailureCount.
 */
public sealed interface IntSource {
    /** A literal value. */
    record Literal(long value) implements IntSource {}

    /** The value at a path in the state's input ({@code ...Path} fields). */
    record FromPath(Path path) implements IntSource {
        public FromPath {
            requireNonNull(path, "path is null");
        }
    }

    /** A {@code {% ... %}} JSONata expression, compiled. */
    record FromJsonata(io.flowstate.asl.jsonata.JsonataTemplate expression) implements IntSource {
        public FromJsonata {
            requireNonNull(expression, "expression is null");
        }
    }
}
