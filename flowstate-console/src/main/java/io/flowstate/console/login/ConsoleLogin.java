package io.flowstate.console.login;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.ApiException;
import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AccessKeys;
import io.flowstate.api.model.ApiRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Sign-in for the console when the API checks signatures ({@code --auth sigv4}): a user gives an access key id
 * and its secret from the same credentials file, and the console's reads and actions are then checked against
 * that key's policies ({@code --policies}) exactly as its signed API requests would be.
 */
public final class ConsoleLogin {
    /** How long a session lasts from sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final AccessKeys keys;
    private final AccessControl access;
    private final Sessions sessions;

    /** Sign-in with {@code keys}, calls checked by {@code access}, sessions of {@link #LIFETIME} on {@code clock}. */
    public ConsoleLogin(AccessKeys keys, AccessControl access, InstantSource clock) {
        this.keys = requireNonNull(keys, "keys is null");
        this.access = requireNonNull(access, "access is null");
        this.sessions = new Sessions(clock, LIFETIME);
    }

    /** The key when {@code secret} is its secret (compared in constant time). */
    public Optional<AccessKeys.Key> login(String accessKeyId, String secret) {
        return keys.login(accessKeyId, secret);
    }

    /** The open sessions. */
    public Sessions sessions() {
        return sessions;
    }

    /** Refuses {@code request} for {@code key} with AWS's AccessDeniedException when its policies do not allow it. */
    public void authorize(AccessKeys.Key key, ApiRequest request) {
        access.authorize(key, request).ifPresent(f -> {
            throw new ApiException.AccessDeniedException(f.message());
        });
    }
}
