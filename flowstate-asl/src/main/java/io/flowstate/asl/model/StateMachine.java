package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, validated state machine, or a nested one (a Parallel branch, a Map's item processor). Immutable;
 * states keep their definition order.
 */
public record StateMachine(
        Optional<String> comment,
        String startAt,
        Map<String, State> states,
        Optional<Long> timeoutSeconds,
        QueryLanguage queryLanguage,
        Optional<String> version) {
    public StateMachine {
        requireNonNull(comment, "comment is null");
        requireNonNull(startAt, "startAt is null");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
        requireNonNull(queryLanguage, "queryLanguage is null");
        requireNonNull(version, "version is null");
    }

    /** The state called {@code name}; the validator guarantees every transition target exists. */
    public State state(String name) {
        State s = states.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no state named " + name);
        }
        return s;
    }

    /** The first state. */
    public State start() {
        return state(startAt);
    }
}
