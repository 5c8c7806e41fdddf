package io.flowstate.engine.interp;

import java.util.function.Supplier;

/** A value computed on first use, then kept: the context object is built only if an expression reads it. */
final class Lazy<T> implements Supplier<T> {
    private Supplier<T> source;
    private T value;

    Lazy(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public T get() {
        if (source != null) {
            value = source.get();
            source = null;
        }
        return value;
    }
}
