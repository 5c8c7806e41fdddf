package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.json.Json;
import java.util.function.Consumer;

/**
 * Where a reader puts the items it reads, in order, up to {@code MaxItems}: readers stop reading once it is full,
 * so an object's remaining bytes are never fetched. A sink either collects the items ({@link #items()}) or hands
 * each one on as it comes ({@link ItemCursor}'s queue), so that the whole sequence need not be held.
 */
final class ItemSink {
    private final ArrayNode items = Json.nodes().arrayNode();
    private final long limit;
    private final Consumer<JsonNode> downstream;
    private long count;

    /** A sink that collects up to {@code limit} items. */
    ItemSink(long limit) {
        this.limit = limit;
        this.downstream = items::add;
    }

    /**
     * A sink that hands up to {@code limit} items to {@code downstream}, which may throw to stop the reader (the
     * exception unwinds through it, closing what it opened).
     */
    ItemSink(long limit, Consumer<JsonNode> downstream) {
        this.limit = limit;
        this.downstream = downstream;
    }

    /** Adds {@code item} unless full; whether more items are wanted after it. */
    boolean add(JsonNode item) {
        if (!full()) {
            count++;
            downstream.accept(item);
        }
        return !full();
    }

    boolean full() {
        return count >= limit;
    }

    /** The items collected; empty for a sink that hands them on. */
    ArrayNode items() {
        return items;
    }
}
