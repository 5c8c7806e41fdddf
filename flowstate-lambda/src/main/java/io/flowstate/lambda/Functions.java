package io.flowstate.lambda;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The functions of this server, by name ({@code $LATEST} only: no versions or aliases). */
final class Functions {
    private final ConcurrentMap<String, Deployed> byName = new ConcurrentHashMap<>();

    boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** Adds a function, or throws Lambda's ResourceConflictException when the name is taken. */
    void add(Deployed function) {
        String name = function.config().name();
        if (byName.putIfAbsent(name, function) != null) {
            throw conflict(name);
        }
    }

    Optional<Deployed> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<Deployed> remove(String name) {
        return Optional.ofNullable(byName.remove(name));
    }

    /** All functions, by name (ListFunctions' order). */
    List<Deployed> list() {
        return byName.values().stream().sorted(Comparator.comparing(d -> d.config().name())).toList();
    }

    /** Removes every function, stopping its processes. */
    void clear() {
        for (String name : List.copyOf(byName.keySet())) {
            remove(name).ifPresent(Deployed::destroy);
        }
    }

    /** Lambda's answer to a second CreateFunction with the same name (its wording, "exist"). */
    static LambdaException conflict(String name) {
        return LambdaError.RESOURCE_CONFLICT.exception("Function already exist: " + name);
    }
}
