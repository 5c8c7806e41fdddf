package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

/** One change a {@link RegistryStore#apply} makes: put a document, or delete one. */
public sealed interface RegistryChange {
    /** The kind of the document changed. */
    String kind();

    /** Its key within the kind. */
    String key();

    /** Stores {@code body} under ({@code kind}, {@code key}), replacing any document there. */
    record Put(String kind, String key, String body) implements RegistryChange {
        public Put {
            requireNonNull(kind, "kind is null");
            requireNonNull(key, "key is null");
            requireNonNull(body, "body is null");
        }
    }

    /** Removes the document under ({@code kind}, {@code key}), if any. */
    record Delete(String kind, String key) implements RegistryChange {
        public Delete {
            requireNonNull(kind, "kind is null");
            requireNonNull(key, "key is null");
        }
    }
}
