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

    /** Compact JSON for every value. */
    PayloadWriter COMPACT = Json::write;
}
