package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.json.Json;

/**
 * Where a reader puts the items it reads, in order, up to {@code MaxItems}: readers stop reading once it is full,
 * so an object's remaining bytes are never fetched.
 */
final class ItemSink {
    private final ArrayNode items = Json.nodes().arrayNode();
    private final long limit;

    ItemSink(long limit) {
        this.limit = limit;
    }

    /** Adds {@code item} unless full; whether more items are wanted after it. */
    boolean add(JsonNode item) {
        if (!full()) {
            items.add(item);
        }
        return !full();
    }

    boolean full() {
        return items.size() >= limit;
    }

    ArrayNode items() {
        return items;
    }
}
