package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.ValueExpression;

/** A string given literally, through a path or intrinsic function ({@code ...Path}), or as JSONata: Fail Error/Cause, Wait Timestamp. */
public sealed interface TextSource {
    /** A literal value. */
    record Literal(String value) implements TextSource {
        public Literal {
            requireNonNull(value, "value is null");
        }
    }

    /** A path (or, for Fail's ErrorPath/CausePath, an intrinsic function) evaluated on the state's input. */
    record FromExpression(ValueExpression expression) implements TextSource {
        public FromExpression {
            requireNonNull(expression, "expression is null");
        }
    }

    /** A {@code {% ... %}} JSONata expression, compiled. */
    record FromJsonata(io.flowstate.asl.jsonata.JsonataTemplate expression) implements TextSource {
        public FromJsonata {
            requireNonNull(expression, "expression is null");
        }
    }
}
