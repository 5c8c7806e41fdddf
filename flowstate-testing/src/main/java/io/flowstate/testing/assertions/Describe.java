package io.flowstate.testing.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.testing.TestExecution;

/** Texts for assertion messages. */
final class Describe {
    /**
     * Appended to a message whose last two arguments are the expected and actual values: IDEs show the
     * difference from the error's values, a console only shows the message.
     */
    static final String DIFF = "%nexpected: %s%n but was: %s";

    private Describe() {}

    /** Where a running execution waits, or the error and cause an ended one has. */
    static String whereAndWhy(TestExecution e) {
        if (e.isRunning()) {
            return " (in states " + e.currentStates()
                    + (e.pendingTasks().isEmpty() ? "" : ", waiting for the test to answer "
                            + e.pendingTasks().stream().map(p -> p.stateName()).toList()) + ")";
        }
        return e.error().map(err -> " (error '" + err + "'" + e.cause().map(c -> ", cause '" + c + "'").orElse("")
                + ")").orElse("");
    }

    /** Pretty-printed JSON, for messages and IDE diffs. */
    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    /** An expected value written as JSON text in a test. */
    static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected value is not valid JSON (" + e.getOriginalMessage()
                    + "): " + json);
        }
    }

    /** Where two event lists first differ: the event's index and both versions, or the lengths. */
    static String firstDifference(JsonNode actual, JsonNode expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            if (!JsonMatch.equal(actual.get(i), expected.get(i))) {
                return String.format("event %d differs%nexpected: %s%n but was: %s", i + 1, pretty(expected.get(i)),
                        pretty(actual.get(i)));
            }
        }
        return "the history has " + actual.size() + " events, the golden file " + expected.size();
    }
}
