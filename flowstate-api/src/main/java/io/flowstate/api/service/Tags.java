package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.Tag;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryEntry;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags of state machines and activities, by resource ARN; at most 50 per resource, as AWS allows. Kept in the
 * registry store ({@code tags} documents) and cached in memory; a new resource's tags are written in the same
 * transaction as the resource ({@link #change}, then {@link #put} once it committed).
 */
public final class Tags {
    static final int MAX = 50;
    private final RegistryStore store;
    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();

    /** Tags kept in memory only. */
    public Tags() {
        this(new InMemoryRegistryStore());
    }

    /** Tags in {@code store}, loading those it holds. */
    public Tags(RegistryStore store) {
        this.store = requireNonNull(store, "store is null");
        reloadAll();
    }

    /** Reads every resource's tags again from the store (another node may have changed any of them). */
    public synchronized void reloadAll() {
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        for (RegistryEntry e : store.list(Documents.TAGS)) {
            all.put(e.key(), read(e.key(), e.body()));
        }
        byArn.keySet().retainAll(all.keySet());
        byArn.putAll(all);
    }

    /**
     * Reads the tags of {@code arn} again from the store, after another node changed them. Under the lock, so
     * that of two reloads racing the one that read the store last also writes last.
     */
    public synchronized void reload(String arn) {
        store.get(Documents.TAGS, arn).ifPresentOrElse(body -> byArn.put(arn, read(arn, body)), () -> byArn.remove(arn));
    }

    private static Map<String, String> read(String arn, String body) {
        Map<String, String> m = new LinkedHashMap<>();
        Documents.parse(Documents.TAGS, arn, body).properties().forEach(f -> m.put(f.getKey(), f.getValue().asText()));
        return m;
    }

    /** The tags of {@code arn} in memory, else as stored (another node tagged it). */
    private Map<String, String> current(String arn) {
        Map<String, String> m = byArn.get(arn);
        if (m == null) {
            m = store.get(Documents.TAGS, arn).map(body -> read(arn, body)).orElse(Map.of());
        }
        return m;
    }

    /** Throws {@code TooManyTags} when {@code tags} alone exceed the limit. */
    void checkNew(List<Tag> tags) {
        if (tags.stream().map(Tag::key).distinct().count() > MAX) {
            throw tooMany();
        }
    }

    /** The change that stores a new resource's tags, to commit with the resource. */
    static RegistryChange change(String arn, List<Tag> tags) {
        return document(arn, map(tags));
    }

    /** The change that drops a deleted resource's tags. */
    static RegistryChange removal(String arn) {
        return new RegistryChange.Delete(Documents.TAGS, arn);
    }

    /** Caches the tags of a new resource, once {@link #change} has committed. */
    void put(String arn, List<Tag> tags) {
        byArn.put(arn, map(tags));
    }

    /** Adds or replaces tags; {@code TooManyTags} when the resource would have more than the limit. */
    synchronized void add(String arn, List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>(current(arn));
        tags.forEach(t -> m.put(t.key(), t.value()));
        if (m.size() > MAX) {
            throw tooMany();
        }
        store.apply(List.of(document(arn, m)));
        byArn.put(arn, m);
    }

    synchronized void removeKeys(String arn, List<String> keys) {
        Map<String, String> m = new LinkedHashMap<>(current(arn));
        keys.forEach(m::remove);
        store.apply(List.of(document(arn, m)));
        byArn.put(arn, m);
    }

    /** Forgets a deleted resource's tags, once {@link #removal} has committed. */
    void remove(String arn) {
        byArn.remove(arn);
    }

    List<Tag> list(String arn) {
        List<Tag> out = new ArrayList<>();
        current(arn).forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }

    private static Map<String, String> map(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    private static RegistryChange document(String arn, Map<String, String> tags) {
        ObjectNode n = Json.object();
        tags.forEach(n::put);
        return new RegistryChange.Put(Documents.TAGS, arn, Json.write(n));
    }

    private static ApiException tooMany() {
        return new ApiException.TooManyTags("Too many tags: the limit is " + MAX + " tags per resource.");
    }
}
