package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

/**
 * One step of a reference path (a definite JSONPath): a field name or a single array index. Only these two
 * steps are evaluated natively; everything else (wildcards, slices, filters, unions, deep scan, functions)
 * goes through Jayway.
 */
sealed interface PathSegment {
    /** {@code .name} or {@code ['name']}. */
    record Field(String name) implements PathSegment {
        public Field {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code [n]}; a negative index counts from the end, as in Jayway. */
    record Index(int index) implements PathSegment {}
}
