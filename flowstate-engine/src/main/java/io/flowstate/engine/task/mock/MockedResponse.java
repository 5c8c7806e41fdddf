package io.flowstate.engine.task.mock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskOutcome;

/** One entry of a mocked response: the invocations it covers ({@code from..to}) and what they return or throw. */
public record MockedResponse(int from, int to, TaskOutcome outcome) {
    public MockedResponse {
        requireNonNull(outcome, "outcome is null");
    }

    boolean covers(int invocation) {
        return invocation >= from && invocation <= to;
    }

    static MockedResponse parse(String name, String key, JsonNode value) {
        int from;
        int to;
        try {
            int dash = key.indexOf('-');
            from = Integer.parseInt(dash < 0 ? key : key.substring(0, dash));
            to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mock config: MockedResponses." + name + " key '" + key
                    + "' must be an invocation number like \"0\" or a range like \"1-3\"");
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("mock config: MockedResponses." + name + " has an empty range '" + key + "'");
        }
        if (value.has("Return") == value.has("Throw")) {
            throw new IllegalArgumentException("mock config: MockedResponses." + name + "." + key
                    + " must have exactly one of 'Return' or 'Throw'");
        }
        TaskOutcome outcome;
        if (value.has("Return")) {
            outcome = new TaskOutcome.Success(value.get("Return"));
        } else {
            JsonNode t = value.get("Throw");
            if (!t.path("Error").isTextual()) {
                throw new IllegalArgumentException("mock config: MockedResponses." + name + "." + key
                        + ".Throw needs a string 'Error'");
            }
            outcome = TaskOutcome.Failure.of(t.get("Error").textValue(),
                    t.path("Cause").isTextual() ? t.get("Cause").textValue() : null);
        }
        return new MockedResponse(from, to, outcome);
    }
}
