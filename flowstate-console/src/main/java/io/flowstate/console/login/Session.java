package io.flowstate.console.login;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.auth.AccessKeys;
import java.time.Instant;

/**
 * One signed-in console user: the session id its cookie carries, the access key it signed in with (whose policies
 * its reads and actions are checked against), the CSRF token its forms carry, and when it ends. The id and the
 * token are secrets: {@link #toString()} leaves them out, as {@link AccessKeys.Key#toString()} leaves the secret.
 */
public record Session(String id, AccessKeys.Key key, String csrf, Instant expires) {
    public Session {
        requireNonNull(id, "id is null");
        requireNonNull(key, "key is null");
        requireNonNull(csrf, "csrf is null");
        requireNonNull(expires, "expires is null");
    }

    /** Whether {@code token} (a form's) is this session's CSRF token; compared in constant time. */
    public boolean csrfMatches(String token) {
        return Tokens.same(csrf, token);
    }

    @Override
    public String toString() {
        return "Session[key=" + key + ", expires=" + expires + "]";
    }
}
