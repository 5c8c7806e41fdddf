package io.flowstate.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.flowstate.asl.json.TreeWriter;
import java.time.Instant;

/**
 * The JSON text of the payloads (and timestamps) written by one commit, each tree serialised once. A decision's events share
 * their payload trees: a Pass state's output is the next state's input, a task's result is the trigger's
 * output, its state's output and the next state's input. Serialising those trees was most of the CPU a commit
 * spent in Java, and most of it twice or more over.
 *
 * <p>The texts come from a {@link TreeWriter#caching() caching TreeWriter}, which also reuses the text of subtrees the trees share. Not
 * thread-safe: one per commit.
 */
final class PayloadTexts {
    private final TreeWriter texts = TreeWriter.caching();
    private Instant lastInstant;
    private String lastTimestamp;

    /** The compact JSON text of {@code node}, serialised on first use. */
    String text(JsonNode node) {
        return texts.text(node);
    }

    /** {@code at} as ISO-8601 text; a decision's events mostly share one timestamp, formatted once. */
    String timestamp(Instant at) {
        if (!at.equals(lastInstant)) {
            lastInstant = at;
            lastTimestamp = IsoInstant.text(at);
        }
        return lastTimestamp;
    }

    /** {@link #text} as a value that Jackson writes verbatim into an enclosing document. */
    RawValue raw(JsonNode node) {
        return new RawValue(text(node));
    }
}
