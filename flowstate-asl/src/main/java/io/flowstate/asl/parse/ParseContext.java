package io.flowstate.asl.parse;

import io.flowstate.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the parsers of one definition share: the diagnostics, the machine type, the top-level query language
 * (which every state and every nested machine inherits), the names that must be unique across the whole
 * definition (state names, Map labels) and the deferred graph checks.
 */
final class ParseContext {
    final Diagnostics out;
    final MachineType type;
    QueryLanguage topLanguage = QueryLanguage.JSONPATH;
    final Set<String> stateNames = new HashSet<>();
    final Set<String> labels = new HashSet<>();
    /**
     * The graph checks of every machine, top level first, run only once the schema is valid: AWS does not
     * report unreachable states of a definition that already fails schema validation.
     */
    final List<Runnable> graphChecks = new ArrayList<>();

    ParseContext(Diagnostics out, MachineType type) {
        this.out = out;
        this.type = type;
    }
}
