package io.flowstate.console.login;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.auth.AccessKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: a restart signs everyone out, and on several nodes each node has its own
 * (a session is for the node it signed in on). A session lasts {@code lifetime} from sign-in, however busy,
 * so a stolen cookie does not last for ever; signing out ends it at once. Expired sessions are dropped when met
 * and whenever a session opens.
 */
public final class Sessions {
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Duration lifetime;

    /** Sessions of {@code lifetime}, timed by {@code clock}. */
    public Sessions(InstantSource clock, Duration lifetime) {
        this.clock = requireNonNull(clock, "clock is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a session's lifetime must be positive: " + lifetime);
        }
    }

    /** How long a session lasts. */
    public Duration lifetime() {
        return lifetime;
    }

    /** A new session for {@code key}, with a fresh random id and CSRF token. */
    public Session open(AccessKeys.Key key) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> !s.expires().isAfter(now));
        Session session = new Session(Tokens.random(), key, Tokens.random(), now.plus(lifetime));
        byId.put(session.id(), session);
        return session;
    }

    /** The live session of {@code id}; empty for an unknown, malformed, closed or expired one. */
    public Optional<Session> find(String id) {
        if (!Tokens.wellFormed(id)) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s != null && !s.expires().isAfter(clock.instant())) {
            byId.remove(id, s);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /** Ends the session of {@code id} (signing out); nothing if there is none. */
    public void close(String id) {
        byId.remove(id);
    }

    /** How many sessions are open (expired ones not yet dropped included). */
    public int size() {
        return byId.size();
    }
}
