package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.Variables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A variable scope: the top-level machine has one, each Parallel branch and Map iteration has its own whose
 * parent is the enclosing scope (a Distributed Map iteration has none: it sees no outer variable). Inner scopes
 * read outer variables but may not assign them, nor declare a variable of the same name: AWS forbids shadowing.
 *
 * <p>Each scope keeps the JSON size of its values, so that {@link VariableLimits} can check an assignment
 * without writing the values it already holds.
 */
final class Scope implements Variables {
    private final Scope parent;
    private Map<String, JsonNode> values = Map.of();
    private Map<String, Long> sizes = Map.of();
    /** The JSON size of this scope's values, in bytes. */
    private long bytes;

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

    /**
     * Applies a whole Assign block at once (all expressions were evaluated against the old values).
     *
     * @throws EvaluationException ({@code States.Runtime}) when an outer scope holds one of the names, or
     *     ({@code States.DataLimitExceeded}) when the values are over one of AWS's size limits; nothing is
     *     assigned then
     */
    void assignAll(Map<String, JsonNode> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        for (String name : assignments.keySet()) {
            if (parent != null && parent.get(name).isPresent()) {
                throw VariableLimits.outerScope(name);
            }
        }
        Map<String, Long> newSizes = VariableLimits.check(assignments, this::sizeOf, outerBytes() + bytes);
        put(assignments, newSizes);
    }

    /** Binds values without the checks (a TestState request's variables, which the API validated). */
    void seed(Map<String, JsonNode> assignments) {
        Map<String, Long> newSizes = new HashMap<>();
        assignments.forEach((k, v) -> newSizes.put(k, JsonSize.bytes(v)));
        put(assignments, newSizes);
    }

    private void put(Map<String, JsonNode> assignments, Map<String, Long> newSizes) {
        Map<String, JsonNode> nextValues = new HashMap<>(values);
        Map<String, Long> nextSizes = new HashMap<>(sizes);
        nextValues.putAll(assignments);
        for (Map.Entry<String, Long> e : newSizes.entrySet()) {
            Long old = nextSizes.put(e.getKey(), e.getValue());
            bytes += e.getValue() - (old == null ? 0 : old);
        }
        values = nextValues;
        sizes = nextSizes;
    }

    /** The size of this scope's current value of {@code name}; 0 when it has none. */
    private long sizeOf(String name) {
        Long s = sizes.get(name);
        return s == null ? 0 : s;
    }

    /** The size of the variables of the enclosing scopes. */
    private long outerBytes() {
        long total = 0;
        for (Scope s = parent; s != null; s = s.parent) {
            total += s.bytes;
        }
        return total;
    }
}
