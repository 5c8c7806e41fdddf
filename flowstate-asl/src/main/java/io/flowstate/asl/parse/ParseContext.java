package io.flowstate.asl.parse;

import io.flowstate.asl.model.QueryLanguage;
import java.util.HashSet;
import java.util.Set;

/**
 * What the parsers of one definition share: the diagnostics, the machine type, the top-level query language
 * (which every state and every nested machine inherits) and the names that must be unique across the whole
 * definition (state names, Map labels).
 */
final class ParseContext {
    /** AWS limits nesting of Parallel/Map machines; deeper definitions are rejected rather than recursed into. */
    static final int MAX_MACHINE_DEPTH = 40;

    final Diagnostics out;
    final MachineType type;
    QueryLanguage topLanguage = QueryLanguage.JSONPATH;
    final Set<String> stateNames = new HashSet<>();
    final Set<String> labels = new HashSet<>();

    ParseContext(Diagnostics out, MachineType type) {
        this.out = out;
        this.type = type;
    }
}
