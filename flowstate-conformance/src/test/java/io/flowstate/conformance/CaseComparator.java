package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compares an executor's result for one case with the case's {@code expected.json}. */
public final class CaseComparator {
    private CaseComparator() {}

    /** Compares an execution: status, output/error/cause as far as recorded, then the events when recorded. */
    public static Comparison compareExecution(ConformanceCase testCase, CaseNames names, ExecutionResult result) {
        JsonNode expected = testCase.expected();
        Normaliser normaliser = Normaliser.of(testCase, names);
        JsonNode actual = normaliser.normalise(snapshot(result));
        Bindings bindings = normaliser.fixedBindings();
        List<Difference> outcome = new ArrayList<>();
        JsonComparator.compare("status", expected.path("status"), actual.path("status"), bindings, outcome);
        for (String field : List.of("output", "error", "cause")) {
            compareOptional(field, expected, actual, bindings, outcome);
        }
        JsonNode expectedEvents = expected.path("events");
        if (!expectedEvents.isArray()) {
            return new Comparison(outcome, List.of(), false);
        }
        JsonNode actualEvents = actual.path("events");
        if (expected.path("get_execution_history_args").path("reverseOrder").asBoolean()) {
            ArrayNode reversed = JsonNodeFactory.instance.arrayNode();
            for (int i = actualEvents.size() - 1; i >= 0; i--) {
                reversed.add(actualEvents.get(i));
            }
            actualEvents = reversed;
        }
        return new Comparison(outcome, EventsComparator.compare(expectedEvents, actualEvents, bindings), true);
    }

    /** Compares a rejection: the error code and, unless the recording's message is null, the message. */
    public static Comparison compareRejection(ConformanceCase testCase, CaseNames names, Optional<Rejection> result) {
        JsonNode expected = testCase.expected();
        if (result.isEmpty()) {
            return new Comparison(List.of(new Difference("error", "expected rejection "
                    + expected.path("error").asText() + " but the definition was accepted")), List.of(), false);
        }
        Rejection rejection = result.get();
        Normaliser normaliser = Normaliser.of(testCase, names);
        Bindings bindings = normaliser.fixedBindings();
        List<Difference> outcome = new ArrayList<>();
        JsonComparator.compare("error", expected.path("error"),
                JsonNodeFactory.instance.textNode(rejection.code()), bindings, outcome);
        if (expected.path("message").isTextual()) {
            JsonComparator.compare("message", expected.path("message"),
                    JsonNodeFactory.instance.textNode(normaliser.normaliseText(rejection.message())), bindings,
                    outcome);
        }
        return new Comparison(outcome, List.of(), false);
    }

    /**
     * Compares an API call's reply: a rejection for {@code rejected} cases, the validation response for
     * {@code validate}, the TestState response (normalised like execution results) for {@code test_state}.
     */
    public static Comparison compareReply(ConformanceCase testCase, CaseNames names, ApiReply reply) {
        JsonNode expected = testCase.expected();
        if (testCase.kind() == CaseKind.REJECTED) {
            return compareRejection(testCase, names, reply.rejection());
        }
        if (reply.rejection().isPresent()) {
            Rejection r = reply.rejection().get();
            return new Comparison(List.of(new Difference("error", "unexpected rejection " + r.code() + ": "
                    + r.message())), List.of(), false);
        }
        Normaliser normaliser = Normaliser.of(testCase, names);
        JsonNode actual = normaliser.normalise(reply.response().orElseThrow());
        JsonNode recorded = testCase.kind() == CaseKind.VALIDATE ? expected.path("validation_response")
                : expected.path("test_state_response");
        List<Difference> outcome = new ArrayList<>();
        JsonComparator.compare("", recorded, actual, normaliser.fixedBindings(), outcome);
        return new Comparison(outcome, List.of(), false);
    }

    private static void compareOptional(String field, JsonNode expected, JsonNode actual, Bindings bindings,
            List<Difference> out) {
        boolean inExpected = expected.has(field);
        boolean inActual = actual.has(field);
        if (inExpected && inActual) {
            JsonComparator.compare(field, expected.get(field), actual.get(field), bindings, out);
        } else if (inExpected) {
            out.add(new Difference(field, "missing (expected " + Difference.shorten(expected.get(field)) + ")"));
        } else if (inActual) {
            out.add(new Difference(field, "unexpected " + Difference.shorten(actual.get(field))));
        }
    }

    /** The actual result as one JSON document, the shape the normaliser and comparator work on. */
    static ObjectNode snapshot(ExecutionResult result) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.put("status", result.status());
        result.output().ifPresent(output -> snapshot.set("output", output));
        result.error().ifPresent(error -> snapshot.put("error", error));
        result.cause().ifPresent(cause -> snapshot.put("cause", cause));
        snapshot.putArray("events").addAll(result.events());
        return snapshot;
    }
}
