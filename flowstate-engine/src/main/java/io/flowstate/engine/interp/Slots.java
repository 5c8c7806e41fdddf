package io.flowstate.engine.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable array whose memory follows the entries it holds, not its length: entries live in chunks of
 * {@value #CHUNK} slots, and a chunk whose slots have all been cleared is let go (reading it gives nulls, writing
 * it takes a new chunk). A Distributed Map over millions of items keeps its children here: the ones still to
 * run or running hold slots, the ones done and let go hold none, so a run that streams its items and results
 * does not grow with the item count.
 *
 * <p>Not thread-safe; owned by the interpreter like the rest of an execution's state.
 */
final class Slots<T> {
    static final int CHUNK = 1024;

    private final List<Object[]> chunks = new ArrayList<>();
    /** Per chunk, how many of its slots hold a value. */
    private final List<int[]> used = new ArrayList<>();
    private int size;

    Slots() {}

    /** A slots array holding {@code values}, in order. */
    static <T> Slots<T> of(T[] values) {
        Slots<T> s = new Slots<>();
        for (T v : values) {
            s.add(v);
        }
        return s;
    }

    /** How many slots there are (set or not). */
    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T get(int i) {
        check(i);
        Object[] chunk = chunks.get(i / CHUNK);
        return chunk == null ? null : (T) chunk[i % CHUNK];
    }

    /** Sets slot {@code i}; setting null lets the slot's chunk go once every slot of it is null. */
    void set(int i, T value) {
        check(i);
        int c = i / CHUNK;
        Object[] chunk = chunks.get(c);
        if (chunk == null) {
            if (value == null) {
                return;
            }
            chunk = new Object[CHUNK];
            chunks.set(c, chunk);
            used.set(c, new int[1]);
        }
        Object old = chunk[i % CHUNK];
        chunk[i % CHUNK] = value;
        int[] n = used.get(c);
        n[0] += (value != null ? 1 : 0) - (old != null ? 1 : 0);
        if (n[0] == 0) {
            chunks.set(c, null);
            used.set(c, null);
        }
    }

    /** Appends a slot holding {@code value}; its index. */
    int add(T value) {
        if (size % CHUNK == 0) {
            chunks.add(null);
            used.add(null);
        }
        int i = size++;
        set(i, value);
        return i;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("slot " + i + " of " + size);
        }
    }
}
