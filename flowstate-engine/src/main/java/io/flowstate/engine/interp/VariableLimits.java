package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * AWS's limits on workflow variables ("Passing data between states with variables"): 256 KiB for one variable,
 * 256 KiB for all the values one state assigns, 10 MiB for all the variables an execution stores. Sizes are
 * the UTF-8 length of each value's compact JSON text.
 *
 * <p>AWS documents the limits but not the error. Exceeding one fails the state with
 * {@code States.DataLimitExceeded}, the error AWS documents for every other payload over its size quota, with a
 * cause in the words of the state-result one ("... exceeding the maximum number of bytes service limit"); the
 * wording is ours. Like a state output over the payload limit, it fails the state without Retry or Catch.
 *
 * <p>The execution total is counted along the scope chain (the scope that assigns and the ones enclosing it):
 * sibling Parallel branches and Map iterations are each measured with the outer variables, not with one
 * another, since their scopes are gone once they end.
 */
final class VariableLimits {
    static final long MAX_VARIABLE_BYTES = 256 * 1024;
    static final long MAX_ASSIGN_BYTES = 256 * 1024;
    static final long MAX_EXECUTION_BYTES = 10 * 1024 * 1024;

    private VariableLimits() {}

    /**
     * The sizes of {@code assignments}' values, once checked against the limits.
     *
     * @param current the size of the value each name holds now in the assigning scope (0 for a new name)
     * @param stored the size of all the variables visible from the assigning scope before the assignment
     */
    static Map<String, Long> check(Map<String, JsonNode> assignments, ToLongFunction<String> current, long stored) {
        Map<String, Long> sizes = new HashMap<>();
        long block = 0;
        long after = stored;
        for (Map.Entry<String, JsonNode> e : assignments.entrySet()) {
            long size = JsonSize.bytes(e.getValue());
            if (size > MAX_VARIABLE_BYTES) {
                throw exceeded("The value assigned to the variable '" + e.getKey() + "' has a size of " + size
                        + " bytes, exceeding the maximum number of bytes service limit for one variable ("
                        + MAX_VARIABLE_BYTES + ").");
            }
            sizes.put(e.getKey(), size);
            block += size;
            after += size - current.applyAsLong(e.getKey());
        }
        if (block > MAX_ASSIGN_BYTES) {
            throw exceeded("The values assigned by the state have a size of " + block + " bytes, exceeding the"
                    + " maximum number of bytes service limit for one Assign (" + MAX_ASSIGN_BYTES + ").");
        }
        if (after > MAX_EXECUTION_BYTES) {
            throw exceeded("The variables of the execution would have a size of " + after + " bytes, exceeding the"
                    + " maximum number of bytes service limit for an execution's variables (" + MAX_EXECUTION_BYTES
                    + ").");
        }
        return sizes;
    }

    /** An inner scope (Parallel branch, Map iteration) assigning a name an outer scope holds. */
    static EvaluationException outerScope(String name) {
        return new EvaluationException(ErrorNames.RUNTIME, "The variable '" + name + "' cannot be assigned in a"
                + " Parallel branch or Map iteration: it belongs to an outer scope, whose variables an inner scope"
                + " may read but not assign or shadow.");
    }

    private static EvaluationException exceeded(String cause) {
        return new EvaluationException(ErrorNames.DATA_LIMIT_EXCEEDED, cause);
    }
}
