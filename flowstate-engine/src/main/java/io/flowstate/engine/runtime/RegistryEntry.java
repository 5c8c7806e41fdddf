package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

/** A document of a {@link RegistryStore}: its key within its kind, and its JSON text. */
public record RegistryEntry(String key, String body) {
    public RegistryEntry {
        requireNonNull(key, "key is null");
        requireNonNull(body, "body is null");
    }
}
