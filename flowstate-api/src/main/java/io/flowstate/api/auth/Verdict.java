package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What an {@link Authenticator} decided about a request: served (by whom, when known), or refused and why. */
public sealed interface Verdict {
    /** Served; {@code key} is the access key that signed it ({@code --auth none}: none). */
    record Accepted(Optional<AccessKeys.Key> key) implements Verdict {
        public Accepted {
            requireNonNull(key, "key is null");
        }
    }

    /** Refused before the API saw it. */
    record Refused(AuthFailure failure) implements Verdict {
        public Refused {
            requireNonNull(failure, "failure is null");
        }
    }

    /** Served without knowing by whom. */
    Verdict ANONYMOUS = new Accepted(Optional.empty());
}
