package io.flowstate.asl.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics while a definition is parsed, so that every problem is reported at once instead of the
 * first one only. Locations are JSON-pointer-like paths; the top level is written {@code /} as AWS does.
 */
final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    /** An ERROR with {@code code} at {@code location} ("" is the top level). */
    void error(String code, String message, String location) {
        list.add(Diagnostic.error(code, message, location.isEmpty() ? "/" : location));
    }

    /** A {@code SCHEMA_VALIDATION_FAILED} error. */
    void schema(String message, String location) {
        error(Codes.SCHEMA_VALIDATION_FAILED, message, location);
    }

    void add(Diagnostic d) {
        list.add(d);
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> all() {
        return List.copyOf(list);
    }

    /** Child location {@code base/field}. */
    static String child(String base, String field) {
        return base + "/" + field;
    }

    /** Array element location {@code base[i]}, as AWS writes it ({@code /States/C/Choices[0]/Next}). */
    static String index(String base, int i) {
        return base + "[" + i + "]";
    }
}
