package io.flowstate.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RegistryStore} in memory: for tests, embedding, and servers that keep nothing across restarts.
 * One lock makes {@link #apply} atomic; registries are small and change rarely, so it is never contended.
 */
public final class InMemoryRegistryStore implements RegistryStore {
    /** Per kind, documents by key in first-put order (a LinkedHashMap keeps a replaced key's place). */
    private final Map<String, LinkedHashMap<String, String>> kinds = new HashMap<>();

    @Override
    public synchronized void apply(List<RegistryChange> changes) {
        for (RegistryChange c : changes) {
            switch (c) {
                case RegistryChange.Put p -> kinds.computeIfAbsent(p.kind(), k -> new LinkedHashMap<>()).put(p.key(), p.body());
                case RegistryChange.Delete d -> {
                    Map<String, String> docs = kinds.get(d.kind());
                    if (docs != null) {
                        docs.remove(d.key());
                    }
                }
            }
        }
    }

    @Override
    public synchronized Optional<String> get(String kind, String key) {
        return Optional.ofNullable(kinds.getOrDefault(kind, new LinkedHashMap<>()).get(key));
    }

    @Override
    public synchronized List<RegistryEntry> list(String kind) {
        List<RegistryEntry> out = new ArrayList<>();
        kinds.getOrDefault(kind, new LinkedHashMap<>()).forEach((k, v) -> out.add(new RegistryEntry(k, v)));
        return out;
    }
}
