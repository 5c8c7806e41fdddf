package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Variables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A variable scope: the top-level machine has one, each Parallel branch and Map iteration has its own whose
 * parent is the enclosing scope. Inner scopes read outer variables but assign only their own.
 */
final class Scope implements Variables {
    private final Scope parent;
    private Map<String, JsonNode> values = Map.of();

    Scope(Scope parent) {
        this.parent = parent;
    }

    @Override
    public Optional<JsonNode> get(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            JsonNode v = s.values.get(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Applies a whole Assign block at once (all expressions were evaluated against the old values). */
    void assignAll(Map<String, JsonNode> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<String, JsonNode> next = new HashMap<>(values);
        next.putAll(assignments);
        values = next;
    }
}
