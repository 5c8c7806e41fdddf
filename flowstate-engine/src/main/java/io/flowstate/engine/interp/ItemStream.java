package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Distributed Map's items read window by window while its children run, so that a run over millions of items
 * holds only the items still to start. The reader is asked for {@code Window: {Start, Size}}: the items at
 * positions {@code [Start, Start + Size)} of everything it would read; a reader that reads in windows answers
 * {@code {"Items": [...], "More": true|false}}, one that does not answers every item as an array (then there is
 * no more to read). The next window is asked for when fewer children are ready to start than the run may run at
 * once; one request is out at a time. Each answer is a task result like any other, so a durable execution
 * journals the windows it read and is rebuilt from them.
 *
 * <p>Mutable, owned by its {@link ChildGroup}.
 */
final class ItemStream {
    /** Items asked for per window. */
    static final int WINDOW = 10_000;
    /** Children kept ready to start when the run has no concurrency limit. */
    static final int READY_UNLIMITED = 1_000;

    final String resource;
    final JsonNode params;
    /** The ReaderConfig as first sent (MaxItems resolved), without the window. */
    final ObjectNode config;
    /** {@code $$.Map.Item.Source} for the ItemSelector. */
    final String source;
    /** How many items were read so far: the next window's Start. */
    long position;
    /** Whether the reader has more items after those read. */
    boolean more;
    /** The outstanding window request's task, or -1. */
    long taskId = -1;
    /** With an ItemBatcher: the items (through the ItemSelector) of a batch that the next window may fill up. */
    List<JsonNode> carry = List.of();

    ItemStream(String resource, JsonNode params, ObjectNode config, String source, long position) {
        this.resource = resource;
        this.params = params;
        this.config = config;
        this.source = source;
        this.position = position;
        this.more = true;
    }

    /** Whether items remain to be read or batched into children. */
    boolean pending() {
        return more || !carry.isEmpty();
    }

    /** Whether {@code answer} is a window ({@code {"Items": [...], "More": ...}}) rather than every item. */
    static boolean isWindow(JsonNode answer) {
        return answer != null && answer.isObject() && answer.size() == 2 && answer.path("Items").isArray()
                && answer.path("More").isBoolean();
    }
}
