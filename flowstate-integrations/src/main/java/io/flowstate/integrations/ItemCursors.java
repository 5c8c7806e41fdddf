package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ItemCursor}s kept open between an ItemReader's windows, so that reading window after window costs one
 * pass over the object, not one pass per window. A cursor is kept under its reader ({@link Key}: resource, params
 * and config) and its position, the index of the next item it gives. A window whose start is a kept cursor's
 * position continues that cursor; any other window (the first, one after a restart, one whose cursor was evicted,
 * one read again) opens a new cursor that skips to its start. A cursor is closed when its window ends the
 * sequence or fails, when more than {@code max} are kept (the least recently used goes), when it has been idle
 * longer than {@code idle} (checked on each request, so no timer thread is needed), and by {@link #close()}.
 * <p>
 * Thread-safe: a cursor is taken out of the map while a window reads it, so concurrent windows never share one.
 */
final class ItemCursors implements AutoCloseable {
    /** Which reader a cursor belongs to: resource ARN, parameters and reader config (without Window) as JSON. */
    record Key(String resource, String params, String config) {
        Key {
            requireNonNull(resource, "resource is null");
            requireNonNull(params, "params is null");
            requireNonNull(config, "config is null");
        }
    }

    /** The items of one window and whether more follow it. */
    record Window(ArrayNode items, boolean more) {
        Window {
            requireNonNull(items, "items is null");
        }
    }

    private record Slot(Key key, long position) {}

    private record Kept(ItemCursor cursor, Instant since) {}

    private final int max;
    private final Duration idle;
    private final InstantSource clock;
    private final int capacity;
    /** In insertion order: a cursor is re-inserted after each window, so the first is the least recently used. */
    private final Map<Slot, Kept> kept = new LinkedHashMap<>();
    private boolean closed;

    /**
     * Keeps at most {@code max} cursors, each at most {@code idle} without a window, each buffering at most
     * {@code capacity} items ahead of its position.
     */
    ItemCursors(int max, Duration idle, InstantSource clock, int capacity) {
        if (max < 0 || capacity < 1) {
            throw new IllegalArgumentException("max must be >= 0 and capacity >= 1: " + max + ", " + capacity);
        }
        this.max = max;
        this.idle = requireNonNull(idle, "idle is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.capacity = capacity;
    }

    /** 16 cursors, idle at most 5 minutes, 1,024 items buffered each. */
    static ItemCursors defaults() {
        return new ItemCursors(16, Duration.ofMinutes(5), InstantSource.system(), 1024);
    }

    /**
     * The items at positions [start, start + size) of the first {@code limit} items {@code source} reads, and
     * whether any follow; throws the reader's failure if the window reaches it.
     */
    Window read(Key key, long start, int size, long limit, ItemCursor.Source source) throws IOException {
        ItemCursor cursor = take(key, start).orElseGet(() -> ItemCursor.open(source, limit, start, capacity));
        boolean more = false;
        try {
            ArrayNode items = Json.nodes().arrayNode();
            while (items.size() < size) {
                Optional<JsonNode> item = cursor.next();
                if (item.isEmpty()) {
                    break;
                }
                items.add(item.get());
            }
            more = items.size() == size && cursor.hasNext();
            return new Window(items, more);
        } finally {
            if (more) {
                keep(key, start + size, cursor);
            } else {
                cursor.close();
            }
        }
    }

    private synchronized Optional<ItemCursor> take(Key key, long position) {
        closeIdle();
        return Optional.ofNullable(kept.remove(new Slot(key, position))).map(Kept::cursor);
    }

    private synchronized void keep(Key key, long position, ItemCursor cursor) {
        if (closed) {
            cursor.close(); // a window that was reading when these cursors were closed
            return;
        }
        Slot slot = new Slot(key, position);
        Kept previous = kept.remove(slot); // re-inserted below, so that it counts as the most recently used
        kept.put(slot, new Kept(cursor, clock.instant()));
        if (previous != null) {
            previous.cursor().close(); // two windows read the same range at once; one cursor is enough
        }
        Iterator<Kept> oldest = kept.values().iterator();
        while (kept.size() > max) {
            oldest.next().cursor().close();
            oldest.remove();
        }
    }

    private void closeIdle() {
        Instant cutoff = clock.instant().minus(idle);
        kept.values().removeIf(k -> {
            if (k.since().isBefore(cutoff)) {
                k.cursor().close();
                return true;
            }
            return false;
        });
    }

    /** The cursors kept now, least recently used first (for tests). */
    synchronized List<ItemCursor> kept() {
        return new ArrayList<>(kept.values().stream().map(Kept::cursor).toList());
    }

    /** Closes every kept cursor, and each cursor a window still reads once that window ends. */
    @Override
    public synchronized void close() {
        closed = true;
        kept.values().forEach(k -> k.cursor().close());
        kept.clear();
    }
}
