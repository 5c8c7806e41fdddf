package io.flowstate.testing.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.testing.TestExecution;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fluent assertions on a {@link TestExecution}: its status, error and cause (see
 * {@link AbstractExecutionAssert}), its output, the states it went through and their retries, and (through
 * {@link #history()}) its events.
 */
public final class ExecutionAssert extends AbstractExecutionAssert<ExecutionAssert> {
    ExecutionAssert(TestExecution actual) {
        super(actual, ExecutionAssert.class);
    }

    /** The output is the JSON {@code expectedJson} (numbers compared by value, field order ignored). */
    public ExecutionAssert hasOutput(String expectedJson) {
        return hasOutput(Describe.parse(expectedJson));
    }

    /** The output is {@code expected}. */
    public ExecutionAssert hasOutput(JsonNode expected) {
        JsonNode output = output();
        if (!JsonMatch.equal(output, expected)) {
            failWithActualExpectedAndMessage(Describe.pretty(output), Describe.pretty(expected),
                    "output of execution %s differs" + Describe.DIFF, actual.name(), Describe.pretty(expected),
                    Describe.pretty(output));
        }
        return this;
    }

    /** The output holds every field of {@code expectedJson} with those values (others may be there too). */
    public ExecutionAssert hasOutputContaining(String expectedJson) {
        JsonNode output = output();
        JsonNode expected = Describe.parse(expectedJson);
        if (!JsonMatch.contains(output, expected)) {
            failWithActualExpectedAndMessage(Describe.pretty(output), Describe.pretty(expected),
                    "output of execution %s does not contain the expected fields" + Describe.DIFF, actual.name(),
                    Describe.pretty(expected), Describe.pretty(output));
        }
        return this;
    }

    /**
     * The output's value at {@code path} ({@code $.order.total}) is {@code expected}: a {@link JsonNode}, or a
     * Java value (String, number, boolean, null, Map, List) compared as the JSON it stands for.
     */
    public ExecutionAssert hasOutputAt(String path, Object expected) {
        output();
        JsonNode want = expected instanceof JsonNode n ? n : Json.mapper().valueToTree(expected);
        JsonNode found = actual.outputAt(path).orElse(null);
        if (found == null) {
            failWithMessage("output of execution %s has nothing at %s: %s", actual.name(), path,
                    Describe.pretty(actual.output().orElseThrow()));
        } else if (!JsonMatch.equal(found, want)) {
            failWithActualExpectedAndMessage(Describe.pretty(found), Describe.pretty(want),
                    "output of execution %s at %s differs" + Describe.DIFF, actual.name(), path, Describe.pretty(want),
                    Describe.pretty(found));
        }
        return this;
    }

    /** These states were entered in this order; others may come before, between and after them. */
    public ExecutionAssert visited(String... states) {
        isNotNull();
        List<String> visited = actual.history().visitedStates();
        int i = 0;
        for (String s : visited) {
            if (i < states.length && s.equals(states[i])) {
                i++;
            }
        }
        if (i < states.length) {
            failWithMessage("expected execution %s to visit %s in this order, but '%s' is missing after %s; "
                    + "it visited %s", actual.name(), Arrays.asList(states), states[i],
                    Arrays.asList(states).subList(0, i), visited);
        }
        return this;
    }

    /** Exactly these states were entered, in this order, nested ones included. */
    public ExecutionAssert visitedExactly(String... states) {
        isNotNull();
        List<String> visited = actual.history().visitedStates();
        if (!visited.equals(Arrays.asList(states))) {
            failWithActualExpectedAndMessage(visited, Arrays.asList(states),
                    "states visited by %s differ" + Describe.DIFF, actual.name(), Arrays.asList(states), visited);
        }
        return this;
    }

    /** None of these states was entered. */
    public ExecutionAssert didNotVisit(String... states) {
        isNotNull();
        List<String> visited = actual.history().visitedStates();
        List<String> seen = Arrays.stream(states).filter(visited::contains).toList();
        if (!seen.isEmpty()) {
            failWithMessage("expected execution %s not to visit %s; it visited %s", actual.name(), seen, visited);
        }
        return this;
    }

    /** {@code Retry} ran state {@code stateName} again exactly {@code times} times (over all its entries). */
    public ExecutionAssert hasRetried(String stateName, int times) {
        isNotNull();
        int retries = actual.history().retries(stateName);
        if (retries != times) {
            failWithMessage("expected state '%s' of execution %s to be retried %d time(s) but it was %d time(s)",
                    stateName, actual.name(), times, retries);
        }
        return this;
    }

    /** The task of {@code stateName} was called {@code times} times (retries included). */
    public ExecutionAssert hasTaskCalls(String stateName, int times) {
        isNotNull();
        int calls = actual.invocations(stateName).size();
        if (calls != times) {
            failWithMessage("expected %d call(s) of the task of state '%s' but there were %d", times, stateName, calls);
        }
        return this;
    }

    /** Assertions on the history so far. */
    public HistoryAssert history() {
        isNotNull();
        return new HistoryAssert(actual.history());
    }

    private JsonNode output() {
        succeeded();
        return Objects.requireNonNull(actual.output().orElse(null), "a succeeded execution has an output");
    }
}
