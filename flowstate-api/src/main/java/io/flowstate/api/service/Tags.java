package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tags of state machines and activities, by resource ARN; at most 50 per resource, as AWS allows. */
public final class Tags {
    static final int MAX = 50;
    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();

    /** Throws {@code TooManyTags} when {@code tags} alone exceed the limit. */
    void checkNew(List<Tag> tags) {
        if (tags.stream().map(Tag::key).distinct().count() > MAX) {
            throw tooMany();
        }
    }

    /** Sets the tags of a new resource. */
    void put(String arn, List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        byArn.put(arn, m);
    }

    /** Adds or replaces tags; {@code TooManyTags} when the resource would have more than the limit. */
    synchronized void add(String arn, List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>(byArn.getOrDefault(arn, Map.of()));
        tags.forEach(t -> m.put(t.key(), t.value()));
        if (m.size() > MAX) {
            throw tooMany();
        }
        byArn.put(arn, m);
    }

    synchronized void removeKeys(String arn, List<String> keys) {
        Map<String, String> m = new LinkedHashMap<>(byArn.getOrDefault(arn, Map.of()));
        keys.forEach(m::remove);
        byArn.put(arn, m);
    }

    void remove(String arn) {
        byArn.remove(arn);
    }

    List<Tag> list(String arn) {
        List<Tag> out = new ArrayList<>();
        byArn.getOrDefault(arn, Map.of()).forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }

    private static ApiException tooMany() {
        return new ApiException.TooManyTags("Too many tags: the limit is " + MAX + " tags per resource.");
    }
}
