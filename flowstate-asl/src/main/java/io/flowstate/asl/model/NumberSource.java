package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.expr.Path;

/** A number (possibly fractional) given literally, through a path, or as JSONata: ToleratedFailurePercentage. */
public sealed interface NumberSource {
    /** A literal value. */
    record Literal(double value) implements NumberSource {}

    /** The value at a path in the state's input. */
    record FromPath(Path path) implements NumberSource {
        public FromPath {
            requireNonNull(path, "path is null");
        }
    }

    /** A {@code {% ... %}} JSONata expression, compiled. */
    record FromJsonata(io.flowstate.asl.jsonata.JsonataTemplate expression) implements NumberSource {
        public FromJsonata {
            requireNonNull(expression, "expression is null");
        }
    }
}
