package io.flowstate.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values that placeholder tokens ({@code <uuid:1>}, {@code <json-input:1>}, {@code <ArnPart_0idx>}) have
 * been bound to so far in one case's comparison: a token matches anything the first time and the same text
 * every later time. Mutable and confined to one comparison; {@link #copy()} supports trial matches.
 */
public final class Bindings {
    private final Map<String, String> values;

    public Bindings() {
        this(new HashMap<>());
    }

    private Bindings(Map<String, String> values) {
        this.values = values;
    }

    public Optional<String> get(String token) {
        return Optional.ofNullable(values.get(token));
    }

    public void bind(String token, String value) {
        values.putIfAbsent(token, value);
    }

    public Bindings copy() {
        return new Bindings(new HashMap<>(values));
    }

    /** Takes over the bindings of a successful trial copy. */
    public void adopt(Bindings trial) {
        values.putAll(trial.values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
