package io.flowstate.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;

/**
 * Writes a payload of a history event as text. AWS keeps a value's original text while the value passes
 * through states unchanged (the execution input shows as the client sent it, spaces included), so an
 * execution's writer returns that text for those values and compact JSON for every other.
 */
@FunctionalInterface
public interface PayloadWriter {
    String write(JsonNode payload);

    /** Writes a payload of an event of {@code type}; by default the same for every event type. */
    default String write(EventType type, JsonNode payload) {
        return write(payload);
    }

    /** Compact JSON for every value. */
    PayloadWriter COMPACT = Json::write;

    /**
     * Leaves the payloads out: {@link HistoryJson#details} given this writer writes no payload field (input,
     * output, parameters, assigned variables) nor its {@code *Details}, as an execution log without
     * {@code includeExecutionData} shows the events. It writes nothing when asked directly.
     */
    PayloadWriter OMITTED = payload -> "";

    /**
     * A writer for an execution that is no longer in memory, knowing only the client's input text. A running
     * execution's writer tells an untouched input apart by identity; this one goes by value, and so only where
     * the recordings show AWS keeping the text: the execution's and states' input, and the items of a Parallel
     * state's result. Elsewhere (a Map's result, a state's own Output) an equal value is a new one.
     */
    static PayloadWriter preservingInput(String inputText) {
        JsonNode input;
        try {
            input = Json.parse(inputText);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return COMPACT;
        }
        return new PayloadWriter() {
            @Override
            public String write(JsonNode payload) {
                return Json.write(payload);
            }

            @Override
            public String write(EventType type, JsonNode payload) {
                return switch (type) {
                    case EXECUTION_STARTED, PASS_STATE_ENTERED, TASK_STATE_ENTERED, CHOICE_STATE_ENTERED,
                            WAIT_STATE_ENTERED, SUCCEED_STATE_ENTERED, FAIL_STATE_ENTERED, PARALLEL_STATE_ENTERED,
                            MAP_STATE_ENTERED, PARALLEL_STATE_EXITED ->
                            InputText.write(payload, input, inputText);
                    default -> Json.write(payload);
                };
            }
        };
    }
}
